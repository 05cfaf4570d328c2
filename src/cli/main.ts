import { parseArgs } from 'node:util';
import { COMMANDS, SETTINGS_HELP, type Command, type OptionSpecs } from './commands.js';
import { UsageError } from './errors.js';
import { quietWhenThePipeCloses } from './pipes.js';

declare const SVCBP_VERSION: string;

const HELP = `svcbp — service blueprints as code

Usage:
${Object.values(COMMANDS).map(command => `  ${command.usage}\n${command.summary.replace(/^/gm, '      ')}`).join('\n')}

Options:
  -h, --help       this text; after a command, that command's help (also: svcbp help <command>)
  -v, --version    the version

${SETTINGS_HELP}
`;

const helpOf = (command: Command) => `Usage: ${command.usage}\n\n${command.summary}\n\n${command.details}\n  -h, --help   this text\n`;

async function main(argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === '-h' || name === '--help' || (name === 'help' && rest.length === 0)) {
        process.stdout.write(HELP);
        return name === undefined ? 2 : 0;
    }
    if (name === '-v' || name === '--version') {
        process.stdout.write(`${typeof SVCBP_VERSION === 'string' ? SVCBP_VERSION : 'dev'}\n`);
        return 0;
    }
    const wanted = name === 'help' ? rest[0] : name;
    const command = Object.hasOwn(COMMANDS, wanted) ? COMMANDS[wanted] : undefined;
    if (!command) throw new UsageError(`Unknown command '${wanted}'. Run svcbp --help.`);
    // Help is answered here, for every command, before it runs: it reads and writes no file.
    if (name === 'help' || asksForHelp(rest)) {
        process.stdout.write(helpOf(command));
        return 0;
    }
    if (!command.options) return command.run([], {}, rest);
    const { values, positionals } = parse(rest, command.options);
    return command.run(positionals, values, rest);
}

/** `-h` or `--help` anywhere before a `--` (after it, a file may be called so). */
function asksForHelp(args: string[]): boolean {
    const end = args.indexOf('--');
    return (end === -1 ? args : args.slice(0, end)).some(arg => arg === '-h' || arg === '--help');
}

function parse(args: string[], options: OptionSpecs) {
    try {
        return parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
}

quietWhenThePipeCloses();
main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    error => {
        if (error instanceof UsageError) {
            process.stderr.write(`svcbp: ${error.message}\n`);
        } else {
            process.stderr.write(`svcbp: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
        }
        process.exitCode = 2;
    }
);
