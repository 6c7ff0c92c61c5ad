/**
 * Sources shared by the Brief Pain Inventory and the PEG, whose three items are taken from the BPI.
 * Plain literals only, for tree-shaking.
 *
 * @module
 */

/** The BPI User Guide: scoring rules and terms of use. */
export const BPI_USER_GUIDE = {
  text: "Cleeland CS. The Brief Pain Inventory User Guide. Houston (TX): The University of Texas M. D. Anderson Cancer Center; 2009.",
  note:
    "Read in a public copy of the 2009 guide. Severity: in trials the worst and the average item have each been used " +
    "alone; a mean of the four severity items is sometimes reported as supplemental information, and the developers " +
    "recommend that all four be used. Interference: scored as the mean of the seven items, usable when more than half " +
    "(four of seven) are completed. Terms: copyright Charles S. Cleeland (1991), covering the BPI and all its " +
    "derivatives; no use or reproduction without his or his designee's permission; fees may apply.",
} as const;

/** Cleeland & Ryan 1994: development and use of the BPI. */
export const CLEELAND_1994 = {
  text: "Cleeland CS, Ryan KM. Pain assessment: global use of the Brief Pain Inventory. Ann Acad Med Singapore 1994;23(2):129–138.",
  pmid: "8080219",
  note: "Describes the BPI's two dimensions, pain severity (sensory) and pain interference (reactive).",
} as const;
