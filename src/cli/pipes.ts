/**
 * A reader that stops early (`svcbp check … | head -1`) closes the pipe, and the next write fails
 * with EPIPE. That is not an error of the command: from then on its output goes nowhere, quietly,
 * and the command ends with its usual exit code. Any other failure of stdout or stderr is one.
 */
export function quietWhenThePipeCloses(): void {
    let closed = false;
    for (const stream of [process.stdout, process.stderr]) {
        stream.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || closed) {
                closed = true;
                return;
            }
            throw error;
        });
    }
}
