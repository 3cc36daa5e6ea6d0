// `node --import ./register.mjs out/main/index.js`: resolves `electron` to the recording stand-in beside this file.
import { register } from 'node:module';

register('./resolve.mjs', import.meta.url);
