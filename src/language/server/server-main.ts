import { startServer } from './main.js';

// The VS Code extension's server: the transport (--node-ipc) comes from the command line.
startServer();
