/**
 * Sources cited by more than one module: by two or more instruments, or by an instrument and the default
 * pathway. Each is stated once here, with what the library takes from it; a source cited in one place stays
 * in that definition. Plain literals only, each its own constant named one by one where used, so that a
 * bundle keeps only the citations of the definitions it uses.
 *
 * @module
 */

/** The PHQ screeners' instruction manual and terms of use (PHQ-9, PHQ-8, PHQ-2, GAD-7, GAD-2). */
export const PHQSCREENERS = {
  text: "Pfizer Inc. Patient Health Questionnaire (PHQ) Screeners: instruction manual and terms of use.",
  url: "https://www.phqscreeners.com",
  note: "Terms as quoted in the CamCOPS documentation (phq9.rst) and the HL7 SDC PHQ-9 example.",
} as const;

/** Kroenke 2001, the PHQ-9 validation paper: items, total, severity bands, the cut-off of 10. */
export const KROENKE_2001 = {
  text: "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606–613.",
  pmid: "11556941",
  doi: "10.1046/j.1525-1497.2001.016009606.x",
  note: "Scores of 5, 10, 15 and 20 represent mild, moderate, moderately severe and severe depression; a score of 10 or more had 88 % sensitivity and 88 % specificity for major depression. The total is the sum of the nine items; the authors publish no rule for unanswered items.",
} as const;

/** Kroenke 2003, the PHQ-2 paper. */
export const KROENKE_2003 = {
  text: "Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item depression screener. Med Care 2003;41(11):1284–1292.",
  pmid: "14583691",
  doi: "10.1097/01.MLR.0000093487.78664.3C",
  note: "A score of 3 or more is the recommended cut-point; a positive screen is followed by the full PHQ-9.",
} as const;

/** Arroll 2010: the PHQ-2 cut-off of 2. */
export const ARROLL_2010 = {
  text: "Arroll B, Goodyear-Smith F, Crengle S, et al. Validation of PHQ-2 and PHQ-9 to screen for major depression in the primary care population. Ann Fam Med 2010;8(4):348–353.",
  pmid: "20644190",
  doi: "10.1370/afm.1139",
  note: "A PHQ-2 cut-point of 2 detected more cases (sensitivity 86 %, specificity 78 %) than 3: higher sensitivity, lower specificity.",
} as const;

/** Kroenke 2009, the PHQ-8 paper. */
export const KROENKE_2009 = {
  text: "Kroenke K, Strine TW, Spitzer RL, Williams JBW, Berry JT, Mokdad AH. The PHQ-8 as a measure of current depression in the general population. J Affect Disord 2009;114(1–3):163–173.",
  pmid: "18752852",
  doi: "10.1016/j.jad.2008.06.026",
  note: "PHQ-9 items 1–8, scored 0–3; the PHQ-9 severity cut-points apply; 10 or more defines current depression.",
} as const;

/** Spitzer 2006, the GAD-7 paper. */
export const SPITZER_2006 = {
  text: "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097.",
  pmid: "16717171",
  doi: "10.1001/archinte.166.10.1092",
  note: "Scores of 5, 10 and 15 are the cut-points for mild, moderate and severe anxiety; a cut-point of 10 optimised sensitivity (89 %) and specificity (82 %) for generalised anxiety disorder. The total is the sum of the seven items; no rule for unanswered items is published.",
} as const;

/** Kroenke 2007: the GAD-2. */
export const KROENKE_2007 = {
  text: "Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: prevalence, impairment, comorbidity, and detection. Ann Intern Med 2007;146(5):317–325.",
  pmid: "17339617",
  doi: "10.7326/0003-4819-146-5-200703060-00004",
  note: "GAD-2 (GAD-7 items 1–2): a score of 3 or more is the cut-point of the screen; a positive screen calls for the full GAD-7.",
} as const;

/** Required handling of a positive PHQ-9 item 9. */
export const FOCUS_2023 = {
  text: "Screening for suicide risk: Joint Commission-approved screeners. Focus (Am Psychiatr Publ) 2023;21(1):8–17.",
  doi: "10.1176/appi.focus.20220072",
  note: "'Question 9 screens for presence and duration of suicide ideation. If yes, administer a more detailed suicide screen', regardless of the total score. A positive item 9 is not a risk level.",
} as const;

/** Bao 2016: the Washington State MHIP collaborative-care registry. */
export const BAO_2016 = {
  text: "Bao Y, Druss BG, Jung HY, Chan YF, Unützer J. Unpacking collaborative care for depression: examining two essential tasks for implementation. Psychiatr Serv 2016;67(4):418–424.",
  doi: "10.1176/appi.ps.201400577",
  note: "Washington State MHIP registry: 'clinically significant improvement' is a PHQ-9 below 10 or a fall of 50 % or more from a baseline of 10 or more; a psychiatric consultation in weeks 8–12 for patients not improved by week 8 was associated with improvement (from secondary summaries; the paper itself was not read).",
} as const;

/** Kounali 2022: MCIDs of the PHQ-9 and GAD-7 as a percentage of the baseline. */
export const KOUNALI_2022 = {
  text: "Kounali D, Button KS, Lewis G, et al. How much change is enough? Evidence from a longitudinal study on depression in UK primary care. Psychol Med 2022;52(10):1875–1882.",
  pmid: "33138872",
  doi: "10.1017/S0033291720003700",
  note: "Abstract: for moderate baseline severity, patients reporting improvement had a reduction of 21 % on the PHQ-9 and 26.8 % on the GAD-7; 'an MCID representing 20% reduction of scores … is a useful guide for patients with moderately severe symptoms'; milder symptoms need much larger percentage reductions.",
} as const;

/** The IAPT (NHS Talking Therapies) reliable-improvement criteria. */
export const IAPT = {
  text: "Gyani A, Shafran R, Layard R, Clark DM. Enhancing recovery rates: lessons from year one of IAPT. Behav Res Ther 2013;51(9):597–606; and the IAPT data handbook.",
  note: "Reliable improvement is a fall of 6 or more on the PHQ-9 or 4 or more on the GAD-7. The criteria were read as quoted by a trial registration (NCT05134103) and secondary sources; the IAPT manual and handbook text were not read.",
} as const;

/** The PCS user manual: scoring, subscales and the cut-off of 30. */
export const SULLIVAN_MANUAL = {
  text: "Sullivan MJL. The Pain Catastrophizing Scale: User Manual. Montreal: McGill University; 1995–2009.",
  note: "Scoring: total = sum of items 1–13; rumination = items 8, 9, 10, 11; magnification = items 6, 7, 13; helplessness = items 1, 2, 3, 4, 5, 12. 'Interpretation of PCS Scores' (p. 6): a total of 30 corresponds to the 75th percentile of chronic-pain patients and represents a clinically relevant level of catastrophizing. Subscale membership agrees with the Rehabilitation Measures Database entry; the manual's own text on subscales and on the cut-off was read only as quoted by secondary sources. The manual states no rule for unanswered items that could be found.",
} as const;

/** Suzuki 2020: change scores that match a 2-point change in pain, in chronic low back pain. */
export const SUZUKI_2020 = {
  text: "Suzuki H, Aono S, Inoue S, et al. Clinically significant changes in pain along the Pain Intensity Numerical Rating Scale in patients with chronic low back pain. PLoS One 2020;15(3):e0229228.",
  pmid: "32126108",
  doi: "10.1371/journal.pone.0229228",
  note: "Abstract: cut-offs distinguishing a pain change of 2 points or more from less, in 161 Japanese patients with chronic low back pain: PSEQ 6.48, PCS 6.48. They are anchored to pain, not to the construct each scale measures.",
} as const;

/** Vlaeyen 1995: the English TSK-17 as commonly reproduced, reverse keying and the > 37 cut-off. */
export const VLAEYEN_1995 = {
  text: "Vlaeyen JWS, Kole-Snijders AMJ, Boeren RGB, van Eek H. Fear of movement/(re)injury in chronic low back pain and its relation to behavioral performance. Pain 1995;62(3):363–372.",
  doi: "10.1016/0304-3959(94)00279-N",
  note: "Seventeen items answered 1 (strongly disagree) to 4 (strongly agree); items 4, 8, 12 and 16 are reverse-scored (5 − answer); total 17–68. A total above 37 is cited from this paper as high fear of movement; the paper's own text was not read, and one open-source implementation uses 37 or more instead. No cut-off exists for the TSK-11. Public copies of the English form carry the line 'Reprinted from Pain, 62, Vlaeyen et al., 371, Copyright (1995), with permission from the International Association for the Study of Pain'.",
} as const;

/** Woby 2005: the TSK-11. */
export const WOBY_2005 = {
  text: "Woby SR, Roach NK, Urmston M, Watson PJ. Psychometric properties of the TSK-11: a shortened version of the Tampa Scale for Kinesiophobia. Pain 2005;117(1–2):137–144.",
  pmid: "16055269",
  doi: "10.1016/j.pain.2005.05.029",
  note: "Abstract: items 4, 8, 12 and 16 had low item–total correlations and items 4, 9, 12 and 14 non-normal response distributions; the six were excluded, leaving TSK-17 items 1, 2, 3, 5, 6, 7, 10, 11, 13, 15 and 17 (the union was computed from the abstract). A reduction of at least 4 points on either version best identified an important reduction in fear of movement; no cut-off for a single score is given. Test-retest reliability in chronic low back pain: TSK-17 ICC 0.82, SEM 3.16; TSK-11 ICC 0.81, SEM 2.54.",
} as const;

/** Eiger 2023: reliability and measurement error of three Danish TSK versions. */
export const EIGER_2023 = {
  text: "Eiger B, Errebo M, Straszek CL, Vaegter HB. Scand J Pain 2023;23(1):217–224 (test-retest reliability and measurement error of the Danish TSK-17, TSK-13 and TSK-11 in chronic pain).",
  pmid: "35191276",
  doi: "10.1515/sjpain-2021-0200",
  note: "Abstract: 77 waiting-list patients with chronic pain, retest after 7–14 days. ICC 0.86 (TSK-17), 0.87 (TSK-11); SEM 3.08 and 2.10; SDC95 8.53 and 5.82.",
} as const;

/** George 2008: the FABQ physical-activity cut-off tested against outcome. */
export const GEORGE_2008 = {
  text: "George SZ, Fritz JM, Childs JD. Investigation of elevated fear-avoidance beliefs for patients with low back pain: a secondary analysis involving patients enrolled in physical therapy clinical trials. J Orthop Sports Phys Ther 2008;38(2):50–58.",
  pmid: "18349490",
  doi: "10.2519/jospt.2008.2647",
  note: "Tests the previously reported cut-off for the physical-activity scale (> 14) against 6-month Oswestry outcomes: it was exceeded by 69.4 % of physical-therapy trial patients and did not predict 6-month disability (AUC 0.56), so it marks a treatment target rather than a prognosis or a triage test.",
} as const;

/** Fairbank 1980: the Oswestry Disability Index and its bands. */
export const FAIRBANK_1980 = {
  text: "Fairbank JCT, Couper J, Davies JB, O'Brien JP. The Oswestry low back pain disability questionnaire. Physiotherapy 1980;66(8):271–273.",
  note: "Source of the bands 0–20 % minimal disability, 21–40 % moderate, 41–60 % severe, 61–80 % crippled, 81–100 % bed-bound or exaggerating symptoms, as restated by Fairbank on the Mapi Research Trust site (the 1980 paper itself was not read; Fairbank writes the endpoints overlapping, 0–20, 20–40, …).",
} as const;

/** Vernon's note on scoring the Neck Disability Index. */
export const VERNON_NOTE = {
  text: "Vernon H. The Neck Disability Index: an informal note from the author on scoring.",
  url: "https://chiro.org/forms/NDI_Explain.shtml",
  note: "'Each of the 10 items is scored from 0 - 5. The maximum score is therefore 50. The obtained score can be multiplied by 2 to produce a percentage score. Occasionally, a respondent will not complete one question or another. The average of all other items is then added to the completed items.' Intervals: 0–4 no disability, 5–14 mild, 15–24 moderate, 25–34 severe, above 34 complete; 'this means 15-24 out of 50 (the RAW SCORE) equates with moderate disability'. 'At least a 5-point change is required to be clinically meaningful'.",
} as const;

/** Ostelo 2008: consensus on minimal important change in low back pain. */
export const OSTELO_2008 = {
  text: "Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and functional status in low back pain: towards international consensus regarding minimal important change. Spine 2008;33(1):90–94.",
  doi: "10.1097/BRS.0b013e31815e3a10",
  note: "Abstract: proposed minimal important change values are 15 for the 0–100 VAS, 2 for the 0–10 NRS, 5 for the Roland Disability Questionnaire, 10 for the Oswestry Disability Index; 'when the baseline score is taken into account, a 30% improvement was considered a useful threshold for identifying clinically meaningful improvement on each of these measures'.",
} as const;

/** Bastien 2001: the Insomnia Severity Index and its bands. */
export const BASTIEN_2001 = {
  text: "Bastien CH, Vallières A, Morin CM. Validation of the Insomnia Severity Index as an outcome measure for insomnia research. Sleep Med 2001;2(4):297–307.",
  pmid: "11438246",
  doi: "10.1016/S1389-9457(00)00065-4",
  note: "Seven items rated 0–4, summed to 0–28; bands 0–7 no clinically significant insomnia, 8–14 subthreshold, 15–21 clinical (moderate severity), 22–28 clinical (severe). The bands were checked against the form's printed scoring guidelines (VA My HealtheVet copy, used with Dr Morin's permission), not against the paper's full text. No rule for unanswered items is published.",
} as const;

/** Keele University's STarT Back calculator: the risk groups. */
export const KEELE_CALCULATOR = {
  text: "Keele University. Online STarT Back calculator: results interpretation.",
  url: "https://startback.hfac.keele.ac.uk/training/resources/startback-online/",
  note: "Total 3 or less: low risk; total 4 or more and subscore (Q5–9) 3 or less: medium risk; total 4 or more and subscore 4 or more: high risk. UK SNOMED CT concepts: low 945621000000107, medium 45641000000100, high 45601000000103.",
} as const;

/** Linton 2011: the ÖMPSQ-10 and its cut-off of 50. */
export const LINTON_2011 = {
  text: "Linton SJ, Nicholas M, MacDonald S. Development of a short form of the Örebro Musculoskeletal Pain Screening Questionnaire. Spine 2011;36(22):1891–1895.",
  pmid: "21192286",
  doi: "10.1097/BRS.0b013e3181f8f775",
  note: "Abstract: two items from each of the five predictive factors; of those who developed disability, 'a cutoff of 50 on the short version identified 85% in the occupational and 83% in the primary care samples'. The abstract does not say on which side of the cut-off 50 itself falls; the full text and its printed form were not read. The paper prescribes no treatment.",
} as const;

/** The BPI User Guide: scoring rules and terms of use (BPI and PEG). */
export const BPI_USER_GUIDE = {
  text: "Cleeland CS. The Brief Pain Inventory User Guide. Houston (TX): The University of Texas M. D. Anderson Cancer Center; 2009.",
  note: "Read in a public copy of the 2009 guide. Severity: in trials the worst and the average item have each been used alone; a mean of the four severity items is sometimes reported as supplemental information, and the developers recommend that all four be used. Interference: scored as the mean of the seven items, usable when more than half (four of seven) are completed. Terms: copyright Charles S. Cleeland (1991), covering the BPI and all its derivatives; no use or reproduction without his or his designee's permission; fees may apply.",
} as const;

/** Dworkin 2008: IMMPACT recommendations on clinically important change in chronic pain trials. */
export const DWORKIN_2008 = {
  text: "Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain 2008;9(2):105–121.",
  pmid: "18055266",
  doi: "10.1016/j.jpain.2007.09.005",
  note: "Summary table (as reproduced by Bandolier): pain intensity decreases of 10–20 % minimally, 30 % or more moderately and 50 % or more substantially important; a 1-point decrease in BPI interference minimally important. Ostelo 2008 likewise takes 30 % as a useful threshold for back-pain disability.",
} as const;

/** Abbott & Schmitt 2014: minimum important differences of the PSFS and four region-specific measures. */
export const ABBOTT_2014 = {
  text: "Abbott JH, Schmitt JS. Minimum important differences for the Patient-Specific Functional Scale, 4 region-specific outcome measures, and the Numeric Pain Rating Scale. J Orthop Sports Phys Ther 2014;44(8):560–564.",
  doi: "10.2519/jospt.2014.5248",
  note: "Abstract: 1,708 patients of 5 physical therapy clinics, anchored to a global rating of change (small, medium, large): 'The MID for the PSFS (on a scale from 0 to 10) ranged from 1.3 (small change) to 2.3 (medium change) to 2.7 (large change), and was relatively stable across body regions'; Lower Extremity Functional Scale '9 to 16'.",
} as const;

/** The WHO AUDIT manual (2001): the ten items, their scoring, the risk zones and the interview's skip instructions. */
export const WHO_AUDIT_2001 = {
  text: "Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders Identification Test. Guidelines for Use in Primary Care, 2nd ed. Geneva: World Health Organization; 2001. WHO/MSD/MSB/01.6a.",
  url: "https://www.who.int/publications/i/item/WHO-MSD-MSB-01.6a",
  note: "Title page read in a studylib copy; the items, values (items 9–10 scored 0, 2, 4), the skip instructions (item 1 = never → items 9–10; items 2 + 3 = 0 → items 9–10) and the zones 0–7, 8–15, 16–19, 20–40 as restated by CamCOPS and Addict Sci Clin Pract 2016 (doi:10.1186/s13722-016-0066-5). The manual's terms allow reproduction 'but not for sale or for use in conjunction with commercial purposes'.",
} as const;

/** CamCOPS's AUDIT and AUDIT-C tasks: which items a complete form needs under the skip logic, and how it sums. */
export const CAMCOPS_AUDIT = {
  text: "Cardinal RN et al. CamCOPS: server/camcops_server/tasks/audit.py and docs/source/tasks/audit.rst. University of Cambridge, Department of Psychiatry.",
  url: "https://github.com/ucam-department-of-psychiatry/camcops",
  note: "is_complete: items 1, 9 and 10 always; items 2–8 only when item 1 is not 0; items 4–8 only when items 2 + 3 are not 0. The total is the sum of the answers given. Items 9–10 offer only 0, 2 and 4.",
} as const;
