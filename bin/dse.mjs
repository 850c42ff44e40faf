#!/usr/bin/env node
// The `dse` command; the code is built into dist/cli.mjs from js/cli/.
import { main } from '../dist/cli.mjs';

process.exitCode = await main(process.argv.slice(2));
