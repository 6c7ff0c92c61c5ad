/**
 * Sources on change between two administrations that more than one instrument cites: plain literals only.
 *
 * @module
 */

/** Kounali 2022: MCIDs of the PHQ-9 and GAD-7 as a percentage of the baseline. */
export const KOUNALI_2022 = {
  text: "Kounali D, Button KS, Lewis G, et al. How much change is enough? Evidence from a longitudinal study on depression in UK primary care. Psychol Med 2022;52(10):1875–1882.",
  pmid: "33138872",
  doi: "10.1017/S0033291720003700",
  note:
    "Abstract: for moderate baseline severity, patients reporting improvement had a reduction of 21 % on the PHQ-9 and 26.8 % on the GAD-7; 'an MCID representing 20% reduction of scores … is a useful guide for patients with moderately severe symptoms'; milder symptoms need much larger percentage reductions.",
} as const;

/** The IAPT (NHS Talking Therapies) reliable-improvement criteria. */
export const IAPT = {
  text: "Gyani A, Shafran R, Layard R, Clark DM. Enhancing recovery rates: lessons from year one of IAPT. Behav Res Ther 2013;51(9):597–606; and the IAPT data handbook.",
  note:
    "Reliable improvement is a fall of 6 or more on the PHQ-9 or 4 or more on the GAD-7. The criteria were read as quoted by a trial registration (NCT05134103) and secondary sources; the IAPT manual and handbook text were not read.",
} as const;

/** Ostelo 2008: consensus on minimal important change in low back pain. */
export const OSTELO_2008 = {
  text: "Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and functional status in low back pain: towards international consensus regarding minimal important change. Spine 2008;33(1):90–94.",
  doi: "10.1097/BRS.0b013e31815e3a10",
  note:
    "Abstract: proposed minimal important change values are 15 for the 0–100 VAS, 2 for the 0–10 NRS, 5 for the Roland Disability Questionnaire, 10 for the Oswestry Disability Index; 'when the baseline score is taken into account, a 30% improvement was considered a useful threshold for identifying clinically meaningful improvement on each of these measures'.",
} as const;

/** Dworkin 2008: IMMPACT recommendations on clinically important change in chronic pain trials. */
export const DWORKIN_2008 = {
  text: "Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain 2008;9(2):105–121.",
  doi: "10.1016/j.jpain.2007.09.005",
  note:
    "Summary table (as reproduced by Bandolier): pain intensity decreases of 10–20 % minimally, 30 % or more moderately and 50 % or more substantially important; a 1-point decrease in BPI interference minimally important.",
} as const;

/** Suzuki 2020: change scores that match a 2-point change in pain, in chronic low back pain. */
export const SUZUKI_2020 = {
  text: "Suzuki H, Aono S, Inoue S, et al. Clinically significant changes in pain along the Pain Intensity Numerical Rating Scale in patients with chronic low back pain. PLoS One 2020;15(3):e0229228.",
  pmid: "32126108",
  doi: "10.1371/journal.pone.0229228",
  note:
    "Abstract: cut-offs distinguishing a pain change of 2 points or more from less, in 161 Japanese patients with chronic low back pain: PSEQ 6.48, PCS 6.48. They are anchored to pain, not to the construct each scale measures.",
} as const;

/** Eiger 2023: reliability and measurement error of three Danish TSK versions. */
export const EIGER_2023 = {
  text: "Eiger B, Errebo M, Straszek CL, Vaegter HB. Scand J Pain 2023;23(1):217–224 (test-retest reliability and measurement error of the Danish TSK-17, TSK-13 and TSK-11 in chronic pain).",
  pmid: "35191276",
  doi: "10.1515/sjpain-2021-0200",
  note:
    "Abstract: 77 waiting-list patients with chronic pain, retest after 7–14 days. ICC 0.86 (TSK-17), 0.87 (TSK-11); SEM 3.08 and 2.10; SDC95 8.53 and 5.82.",
} as const;
