// Comparisons live with the condition kinds (rules/conditions.ts); this path stays for the modules that import it.
export { compare } from "./rules/conditions.js";
