/** The `strategy-docs` binary: the real file system and streams around `main`. */
import { main, type CliIO } from "./main";
import { nodeFileSystem } from "./fs";

// A reader that stops early (`strategy-docs backlog | head`) closes the pipe: that ends the output, it is no crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io: CliIO = {
  cwd: process.cwd(),
  // Each command prints its whole output in one call: one write, even for 10,000 diagnostics.
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  fs: nodeFileSystem,
};

void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
