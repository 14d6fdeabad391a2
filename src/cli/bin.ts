/** The `strategy-docs` binary: the real file system and streams around `main`. */
import { main, type CliIO } from "./main";
import { nodeFileSystem } from "./fs";

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
