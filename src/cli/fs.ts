/**
 * The CLI's view of the file system: four synchronous calls, so tests can pass
 * their own and the 10,000-file scan pays no per-file promise overhead.
 * Paths are absolute, in the platform's form.
 */
import * as fs from "node:fs";
import { readMany } from "./read-many";

/** One entry of a folder. */
export interface CliDirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  /** A symbolic link (neither `isFile` nor `isDirectory` is set for it). */
  isSymbolicLink: boolean;
}

export interface CliStat {
  size: number;
  isDirectory: boolean;
}

/**
 * What the CLI needs from a file system. Calls throw on failure (a missing
 * file, no permission); the CLI turns that into a diagnostic or a message.
 */
export interface CliFileSystem {
  readdir(path: string): CliDirEntry[];
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array | string): void;
  /** Follows symbolic links; undefined when nothing is there. */
  stat(path: string): CliStat | undefined;
  /** Optional: reads many files, in order, possibly on another thread (see read-many.ts). */
  readMany?: typeof readMany;
}

/** The real file system, through node:fs's synchronous calls. */
export const nodeFileSystem: CliFileSystem = {
  readdir(path) {
    return fs.readdirSync(path, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isFile: entry.isFile(),
      isDirectory: entry.isDirectory(),
      isSymbolicLink: entry.isSymbolicLink(),
    }));
  },
  readFile(path) {
    return fs.readFileSync(path);
  },
  writeFile(path, data) {
    fs.writeFileSync(path, data);
  },
  stat(path) {
    const stats = fs.statSync(path, { throwIfNoEntry: false });
    return stats && { size: stats.size, isDirectory: stats.isDirectory() };
  },
  readMany,
};

const REASONS: Record<string, string> = {
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  EISDIR: "It is a folder",
  ENOENT: "The file does not exist",
  EMFILE: "Too many open files",
  ELOOP: "Too many symbolic links",
  EIO: "Input/output error",
};

/** A short, stack-free reason for a file system error, for a diagnostic or a message. */
export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && Object.hasOwn(REASONS, code)) return REASONS[code];
  const message = (error as { message?: unknown } | undefined)?.message;
  if (typeof message === "string") return message.split("\n")[0];
  return String(error);
}
