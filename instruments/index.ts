export { phq9 } from "./phq9.js";
export { phq8 } from "./phq8.js";
export { phq2 } from "./phq2.js";
export { gad7 } from "./gad7.js";
export { gad2 } from "./gad2.js";
