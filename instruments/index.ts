// The instrument index: one line per bundled instrument. The registry (src/registry.ts), its types, the
// package's named exports, the docs and the CLI's catalogue are all derived from these lines.
export { phq9 } from "./phq9.js";
export { phq8 } from "./phq8.js";
export { phq2 } from "./phq2.js";
export { gad7 } from "./gad7.js";
export { gad2 } from "./gad2.js";
export { phq4 } from "./phq4.js";
export { pcs } from "./pcs.js";
export { tsk17 } from "./tsk17.js";
export { tsk11 } from "./tsk11.js";
export { fabq } from "./fabq.js";
export { odi } from "./odi.js";
export { rmdq } from "./rmdq.js";
export { ndi } from "./ndi.js";
export { pdi } from "./pdi.js";
export { lefs } from "./lefs.js";
export { psfs } from "./psfs.js";
export { isi } from "./isi.js";
export { psqi } from "./psqi.js";
export { startback } from "./startback.js";
export { ompsq10 } from "./ompsq10.js";
export { bpi } from "./bpi.js";
export { peg } from "./peg.js";
export { pseq } from "./pseq.js";
export { koosjr } from "./koosjr.js";
export { hoosjr } from "./hoosjr.js";
export { rand36 } from "./rand36.js";
