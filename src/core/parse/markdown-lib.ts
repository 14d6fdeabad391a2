/**
 * remark, as one module: title.ts loads it only when an item needs the heading of
 * its file, and the bundles keep it in a file of its own (dist/vendor/markdown-lib.js).
 */
export { unified } from "unified";
export { default as remarkParse } from "remark-parse";
export { default as remarkFrontmatter } from "remark-frontmatter";
