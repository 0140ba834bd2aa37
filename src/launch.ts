#!/usr/bin/env node
/**
 * The deckgen command as installed (bundled to dist/cli.cjs, which dist/cli.js also runs): starts the render worker if the
 * command will draw, then runs the bundled CLI, dist/deckgen.cjs, through V8's code cache
 * (src/code-cache.ts), saving the compiled code when the command ends.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCached } from './code-cache.js';
import { startEarly } from './render/early.js';

// The render worker starts first, so it loads while the CLI below is compiled and run.
startEarly(process.argv.slice(2));

// --no-cache means no cache at all: neither drawn charts nor compiled code.
const command = /^[a-z]+$/.test(process.argv[2] ?? '') ? process.argv[2]! : 'build';
const save = runCached(path.join(path.dirname(fileURLToPath(import.meta.url)), 'deckgen.cjs'), command, !process.argv.includes('--no-cache'));
process.once('exit', save);
