import {
  ARROLL_2010,
  BAO_2016,
  BASTIEN_2001,
  DWORKIN_2008,
  FAIRBANK_1980,
  FOCUS_2023,
  GEORGE_2008,
  KEELE_CALCULATOR,
  KROENKE_2001,
  KROENKE_2003,
  KROENKE_2007,
  KROENKE_2009,
  LINTON_2011,
  SPITZER_2006,
  SULLIVAN_MANUAL,
  VERNON_NOTE,
  VLAEYEN_1995,
} from "../references.js";
import type { Pathway } from "./pathway.js";

// The default pathway, as data. Each rule names its source; where no source maps a score to a care step the
// rule says `designChoice: true` and its note gives the reasoning. docs/stratification.md is generated from it.
// Sources that an instrument also cites come from src/references.ts, so each is stated once.

/**
 * The default stepped-care pathway for chronic musculoskeletal pain: STarT Back's matched treatments, with
 * psychosocial domains (depression, anxiety, catastrophizing, fear of movement, sleep), disability and the
 * ÖMPSQ-10 mapped to the same three steps, FABQ fear-avoidance beliefs as a target that never changes the step,
 * an urgent overlay for PHQ-9 item 9 and follow-ups for positive PHQ-2 and GAD-2 screens. Rules marked `designChoice` are this library's own mappings: no guideline maps
 * most single scale cut-offs to a care step. The full table is in docs/stratification.md.
 *
 * @example
 * ```ts
 * stratify([score(startback, [1, 0, 1, 1, 1, 0, 1, 1, 3])]).step; // 3 (STarT Back high risk)
 * defaultPathway.stepRules.map((r) => r.id); // ["startback-high", "ompsq10-high", …]
 * ```
 * @category Stratification
 */
export const defaultPathway = /* @__PURE__ */ deepFreeze({
  id: "stepscore-default",
  version: "1.1.0",
  title: "stepscore default stepped-care pathway for chronic musculoskeletal pain",
  description:
    "Decision support for matching people with musculoskeletal pain to one of three steps of care from their " +
    "questionnaire results. It does not diagnose, and it does not replace a clinician's assessment.",
  references: {
    stepscore: {
      text: "stepscore default pathway: a mapping made by this library where no published rule maps the score to a care step.",
      note: "Each rule that rests on it says why in its note.",
    },
    hill2011: {
      text: "Hill JC, Whitehurst DGT, Lewis M, et al. Comparison of stratified primary care management for low back pain with current best practice (STarT Back): a randomised controlled trial. Lancet 2011;378(9802):1560–1571.",
      doi: "10.1016/S0140-6736(11)60937-9",
      note: "Matched treatment: low risk, a single session of advice and reassurance with no onward referral; medium risk, physiotherapy; high risk, psychologically informed physiotherapy (cognitive-behavioural principles). Treatment packages as in the trial protocol (Hill JC, et al. BMC Musculoskelet Disord 2008;9:58, Table 1).",
    },
    keele: KEELE_CALCULATOR,
    ng59: {
      text: "National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management (NG59). 2016.",
      url: "https://www.nice.org.uk/guidance/ng59",
      note: "Rec 1.1.2: consider a risk stratification tool such as STarT Back at first contact. Rec 1.1.3: simpler, less intensive support (reassurance, advice to keep active, self-management) for people likely to improve quickly; more complex, intensive support (exercise, with or without manual therapy, or a psychological approach) for people at higher risk.",
    },
    linton2011: LINTON_2011,
    nicholas2020: {
      text: "Nicholas MK, Costa DSJ, Linton SJ, et al. Implementation of early intervention protocol in Australia for 'high risk' injured workers is associated with fewer lost work days over 2 years than usual (stepped) care. J Occup Rehabil 2020;30(1):93–104.",
      doi: "10.1007/s10926-019-09849-y",
      note:
        "Non-randomised (WISE study): injured workers screened high risk on the ÖMPSQ-10 (50/100, per the PMRI study page) " +
        "were offered psychological assessment and a protocol for psychological and workplace obstacles to return to " +
        "work; lost work days at 2 years were under half those of usual stepped care. Abstract read, not the full text.",
    },
    kroenke2001: KROENKE_2001,
    kroenke2009: KROENKE_2009,
    kroenkeSpitzer2002: {
      text: "Kroenke K, Spitzer RL. The PHQ-9: a new depression diagnostic and severity measure. Psychiatr Ann 2002;32(9):509–515.",
      note: "The PHQ-9 treatment-action table (20–27: immediate treatment and, where warranted, specialist referral) is traditionally attributed to this paper and the PHQ instruction manual; read in secondary reproductions only.",
    },
    ng222: {
      text: "National Institute for Health and Care Excellence. Depression in adults: treatment and management (NG222). 2022.",
      url: "https://www.nice.org.uk/guidance/ng222",
      note: "A PHQ-9 below 16 is 'less severe', 16 or more 'more severe' depression. Recs 1.2.8–1.2.12: ask directly about suicidal ideation and intent; refer urgently to specialist mental health services when there is considerable immediate risk; do not withhold treatment because of suicide risk.",
    },
    spitzer2006: SPITZER_2006,
    cg113: {
      text: "National Institute for Health and Care Excellence. Generalised anxiety disorder and panic disorder in adults: management (CG113). 2011.",
      url: "https://www.nice.org.uk/guidance/cg113",
      note: "Stepped care: step 2 low-intensity psychological interventions; step 3, for marked functional impairment or no improvement, individual high-intensity psychological intervention (CBT, applied relaxation) or drug treatment.",
    },
    sullivanManual: SULLIVAN_MANUAL,
    vlaeyen1995: VLAEYEN_1995,
    george2008: GEORGE_2008,
    nicholas2011: {
      text: "Nicholas MK, Linton SJ, Watson PJ, Main CJ. Early identification and management of psychological risk factors ('yellow flags') in patients with low back pain: a reappraisal. Phys Ther 2011;91(5):737–753.",
      doi: "10.2522/ptj.20100224",
      note: "Argues for targeting modifiable psychological risk factors (catastrophizing, fear-avoidance, distress) with cognitive-behavioural approaches within physical treatment.",
    },
    bastien2001: BASTIEN_2001,
    qaseem2016: {
      text: "Qaseem A, Kansagara D, Forciea MA, Cooke M, Denberg TD. Management of chronic insomnia disorder in adults: a clinical practice guideline from the American College of Physicians. Ann Intern Med 2016;165(2):125–133.",
      doi: "10.7326/M15-2175",
      note: "CBT for insomnia as the initial treatment for chronic insomnia disorder (strong recommendation, moderate-quality evidence); the AASM 2021 guideline likewise recommends multicomponent CBT-I (strong).",
    },
    fairbank1980: FAIRBANK_1980,
    vernon: VERNON_NOTE,
    kroenke2003: KROENKE_2003,
    arroll2010: ARROLL_2010,
    kroenke2007: KROENKE_2007,
    focus2023: FOCUS_2023,
    rhon2023: {
      text: "Rhon DI, Greenlee TA, Poehlein E, et al. Effect of risk-stratified care on disability among adults with low back pain treated in the Military Health System: a randomized clinical trial. JAMA Netw Open 2023;6(7):e2321929.",
      pmid: "37410465",
      doi: "10.1001/jamanetworkopen.2023.21929",
      note: "Risk-stratified care was not superior to usual care on the RMDQ at one year (n = 270).",
    },
    unutzer2002: {
      text: "Unützer J, Katon W, Callahan CM, et al. Collaborative care management of late-life depression in the primary care setting: a randomized controlled trial (IMPACT). JAMA 2002;288(22):2836–2845.",
      doi: "10.1001/jama.288.22.2836",
      note: "Stepped collaborative care: a first treatment step over 10–12 weeks, the plan changed for patients without significant improvement (step timing read in the SAMHSA NREPP programme summary only, not in the trial paper).",
    },
    bao2016: BAO_2016,
    sowa2018: {
      text: "Sowa NA, Jeng P, Bauer AM, et al. Psychiatric case review and treatment intensification in collaborative care management for depression in primary care. Psychiatr Serv 2018;69(5):549–554.",
      pmid: "29385955",
      doi: "10.1176/appi.ps.201700243",
      note: "Patients not below 10 or 50 % lower on the PHQ-9 by week 8 who had a psychiatric case review in weeks 8–12 were more often started on a new medication.",
    },
    wernher2014: {
      text: "Wernher I, Bjerregaard F, Tinsel I, et al. Collaborative treatment of late-life depression in primary care (GermanIMPACT): study protocol of a cluster-randomized controlled trial. Trials 2014;15:351.",
      doi: "10.1186/1745-6215-15-351",
      note: "Table 1: PHQ-9 below 5 (remission): discuss a relapse-prevention and emergency plan and reduce contacts to every 4 weeks; improvement below 50 %: change the treatment.",
    },
    icsi: {
      text: "Institute for Clinical Systems Improvement. Adult Depression in Primary Care: Has patient reached remission?",
      url: "https://www.icsi.org",
      note: "Full remission: a two-month period without major depressive signs (DSM-5); PHQ-9 remission below 5. Read on the ICSI page; the DSM-5 text itself was not read.",
    },
    jacobson1991: {
      text: "Jacobson NS, Truax P. Clinical significance: a statistical approach to defining meaningful change in psychotherapy research. J Consult Clin Psychol 1991;59(1):12–19.",
      doi: "10.1037/0022-006X.59.1.12",
      note: "The reliable change index: a change larger than measurement error is reliable; a reliable change for the worse is reliable deterioration.",
    },
    lambert2018: {
      text: "Lambert MJ, Whipple JL, Kleinstäuber M. Collecting and delivering progress feedback: a meta-analysis of routine outcome monitoring. Psychotherapy 2018;55(4):520–537.",
      doi: "10.1037/pst0000167",
      note: "Feedback on patients not on track, with clinical support tools, reduced deterioration: the published response to deterioration is a clinical review, not a fixed step change.",
    },
    bair2015: {
      text: "Bair MJ, Ang D, Wu J, et al. Evaluation of Stepped Care for Chronic Pain (ESCAPE) in veterans of the Iraq and Afghanistan conflicts: a randomized clinical trial. JAMA Intern Med 2015;175(5):682–689.",
      pmid: "25751701",
      doi: "10.1001/jamainternmed.2015.97",
      note: "Step 1: 12 weeks of analgesic optimisation and pain self-management; step 2, 12 weeks of cognitive behavioural therapy, for inadequate improvement in pain-related disability (the numeric criterion was not read).",
    },
    dworkin2008: DWORKIN_2008,
    beneciuk2014: {
      text: "The STarT Back Screening Tool for prediction of 6-month clinical outcomes: relevance of change patterns in outpatient physical therapy settings. J Orthop Sports Phys Ther 2014;44(9):656–664.",
      doi: "10.2519/jospt.2014.5178",
      note: "Re-administered after 4 weeks of physiotherapy; worsened = low to medium, low to high, medium to high, or remained high. Authors recalled as Beneciuk JM, et al.; the paper's text beyond the abstract was not read.",
    },
    szegedi2009: {
      text: "Szegedi A, Jansen WT, van Willigenburg APP, et al. Early improvement in the first 2 weeks as a predictor of treatment outcome in patients with major depressive disorder: a meta-analysis including 6562 patients. J Clin Psychiatry 2009;70(3):344–353.",
      doi: "10.4088/JCP.07m03780",
      note: "A reduction of 20 % or more is the usual definition of early improvement; an individual-patient meta-analysis (de Vries, Br J Psychiatry) found many early non-improvers responded later, so early non-improvement calls for a review, not a step change.",
    },
    hill2022: {
      text: "Hill JC, Garvin S, Bromley K, et al. Risk-based stratified primary care for common musculoskeletal pain presentations (STarT MSK): a cluster-randomised, controlled trial. Lancet Rheumatol 2022;4(9):e591–e602.",
      doi: "10.1016/S2665-9913(22)00159-X",
      note: "No benefit over usual care on pain intensity.",
    },
  },
  steps: [
    {
      step: 1,
      label: "Advice, reassurance and self-management",
      care: "Assessment, reassurance, advice to keep active and support for self-management; no onward referral.",
      source: "ng59",
      note: "NG59 rec 1.1.3's simpler, less intensive support; the STarT Back low-risk package (hill2011).",
    },
    {
      step: 2,
      label: "Physiotherapy with targeted support",
      care: "Physiotherapy (exercise, with or without manual therapy) with advice and reassurance, plus support aimed at the elevated domain.",
      source: "hill2011",
      note: "The STarT Back medium-risk package, with the domain targets added.",
    },
    {
      step: 3,
      label: "Psychologically informed or high-intensity care",
      care:
        "Psychologically informed physiotherapy (cognitive-behavioural principles) or a combined physical and psychological " +
        "programme; high-intensity psychological treatment where depression is more severe (PHQ-9 16 or more) or anxiety is severe.",
      source: "hill2011",
      note: "The STarT Back high-risk package; NICE's step 3 for depression (NG222) and anxiety (cg113) covers high-intensity psychological treatment.",
    },
  ],
  domains: [
    {
      id: "depression",
      label: "Depression",
      group: "psychosocial",
      instruments: ["phq9", "phq8", "phq2"],
      elevatedWhen: [
        { instrument: "phq9", scale: "total", op: ">=", value: 10, source: "kroenke2001" },
        { instrument: "phq8", scale: "total", op: ">=", value: 10, source: "kroenke2009" },
      ],
      target: {
        intervention:
          "Assessment for depression and treatment matched to severity: low-intensity psychological support for less severe " +
          "depression; high-intensity psychological therapy, medication or both for more severe (PHQ-9 16 or more).",
        source: "ng222",
      },
    },
    {
      id: "anxiety",
      label: "Anxiety",
      group: "psychosocial",
      instruments: ["gad7", "gad2"],
      elevatedWhen: [{ instrument: "gad7", scale: "total", op: ">=", value: 10, source: "spitzer2006" }],
      target: {
        intervention:
          "Assessment for generalised anxiety disorder and stepped care: low-intensity psychological interventions, then " +
          "high-intensity CBT or applied relaxation, or medication.",
        source: "cg113",
      },
    },
    {
      id: "catastrophizing",
      label: "Pain catastrophizing",
      group: "psychosocial",
      instruments: ["pcs"],
      elevatedWhen: [{ instrument: "pcs", scale: "total", op: ">=", value: 30, source: "sullivanManual" }],
      target: {
        intervention:
          "Cognitive-behavioural approaches to catastrophic thinking about pain, within psychologically informed physiotherapy.",
        source: "nicholas2011",
        designChoice: true,
        note: "No guideline ties a PCS of 30 to an intervention; this is the approach the guidance supports for psychological obstacles in general.",
      },
    },
    {
      id: "fear-of-movement",
      label: "Fear of movement",
      group: "psychosocial",
      instruments: ["tsk17"],
      elevatedWhen: [{ instrument: "tsk17", scale: "total", op: ">", value: 37, source: "vlaeyen1995" }],
      target: {
        intervention:
          "Graded activity or graded exposure to feared movements, within psychologically informed physiotherapy.",
        source: "nicholas2011",
        designChoice: true,
        note: "No guideline ties a TSK cut-off to an intervention; graded activity and exposure are the approaches aimed at fear-avoidance.",
      },
    },
    {
      // No group: no step rule counts it, so it adds a target and never raises the step.
      id: "fear-avoidance-beliefs",
      label: "Fear-avoidance beliefs about physical activity",
      instruments: ["fabq"],
      elevatedWhen: [
        {
          instrument: "fabq",
          scale: "physicalActivity",
          op: ">",
          value: 14,
          source: "george2008",
          designChoice: true,
          note:
            "George 2008: a treatment target that does not predict outcome. Outside the psychosocial group, so it adds its " +
            "target but never raises the step or counts toward two elevated domains.",
        },
      ],
      target: {
        intervention:
          "Address fear-avoidance beliefs about physical activity (education about pain and activity, graded activity) within " +
          "the care of the recommended step.",
        source: "nicholas2011",
        designChoice: true,
        note: "No guideline ties a FABQ cut-off to an intervention.",
      },
    },
    {
      id: "sleep",
      label: "Sleep (insomnia)",
      group: "psychosocial",
      instruments: ["isi"],
      elevatedWhen: [{ instrument: "isi", scale: "total", op: ">=", value: 15, source: "bastien2001" }],
      target: {
        intervention:
          "Assessment for chronic insomnia disorder and, where confirmed, cognitive behavioural therapy for insomnia (CBT-I) as first-line treatment.",
        source: "qaseem2016",
      },
    },
    {
      id: "risk",
      label: "Risk of a poor outcome",
      group: "risk",
      instruments: ["startback", "ompsq10"],
      elevatedWhen: [
        { instrument: "startback", band: "medium", source: "keele" },
        { instrument: "startback", band: "high", source: "keele" },
        { instrument: "ompsq10", scale: "total", op: ">=", value: 50, source: "linton2011" },
      ],
      target: {
        intervention:
          "Treatment matched to the risk group: physiotherapy for medium risk, psychologically informed physiotherapy for high risk.",
        source: "hill2011",
      },
    },
    {
      id: "disability",
      label: "Disability",
      group: "disability",
      instruments: ["odi", "ndi"],
      elevatedWhen: [
        { instrument: "odi", scale: "percent", op: ">", value: 40, source: "fairbank1980" },
        // Above 24, as the bands read a prorated score: 24.44 is "severe" (25–34), so it must count here too.
        { instrument: "ndi", scale: "total", op: ">", value: 24, source: "vernon" },
      ],
      target: {
        intervention: "Exercise-based physiotherapy, with or without manual therapy.",
        source: "ng59",
      },
    },
  ],
  stepRules: [
    {
      id: "startback-high",
      step: 3,
      label: "STarT Back high risk",
      when: { instrument: "startback", band: "high", source: "keele" },
      source: "hill2011",
    },
    {
      id: "ompsq10-high",
      step: 3,
      label: "ÖMPSQ-10 of 50 or more",
      when: { instrument: "ompsq10", scale: "total", op: ">=", value: 50, source: "linton2011" },
      source: "nicholas2020",
      designChoice: true,
      note:
        "Linton 2011 prescribes no treatment. The one study treating by the cut-off (nicholas2020: non-randomised, recent " +
        "work injuries) offered psychological care for the obstacles to return to work: step 3's care, work included.",
    },
    {
      id: "phq9-severe",
      step: 3,
      label: "PHQ-9 of 16 or more (more severe depression)",
      when: { instrument: "phq9", scale: "total", op: ">=", value: 16, source: "ng222" },
      source: "ng222",
      designChoice: true,
      note:
        "NG222's 'more severe' depression (PHQ-9 16 or more) calls for the high-intensity treatment the depression target " +
        "names: step 3's care. The id is kept from the earlier cut-off of 20 (kroenkeSpitzer2002's 'severe').",
    },
    {
      id: "phq8-severe",
      step: 3,
      label: "PHQ-8 of 16 or more (more severe depression)",
      when: { instrument: "phq8", scale: "total", op: ">=", value: 16, source: "kroenke2009" },
      source: "ng222",
      designChoice: true,
      note: "As for the PHQ-9, whose severity cut-points the PHQ-8 shares (kroenke2009); NG222 names the PHQ-9 only.",
    },
    {
      id: "gad7-severe",
      step: 3,
      label: "GAD-7 of 15 or more (severe anxiety)",
      when: { instrument: "gad7", scale: "total", op: ">=", value: 15, source: "spitzer2006" },
      source: "cg113",
      designChoice: true,
      note: "CG113 offers step 3 (high-intensity treatment) for marked functional impairment, not for a score; severe anxiety on the GAD-7 is taken as its marker.",
    },
    {
      id: "psychosocial-two-or-more",
      step: 3,
      label: "Two or more elevated psychosocial domains",
      when: { elevatedDomains: { group: "psychosocial", min: 2 } },
      source: "stepscore",
      designChoice: true,
      note:
        "No guideline counts domains. Several elevated psychosocial domains are taken as the 'psychological obstacles' for " +
        "which NG59 rec 1.1.3 suggests more intensive support with a psychological approach, as STarT Back's psychosocial " +
        "subscale does for its items.",
    },
    {
      id: "startback-medium",
      step: 2,
      label: "STarT Back medium risk",
      when: { instrument: "startback", band: "medium", source: "keele" },
      source: "hill2011",
    },
    {
      id: "psychosocial-one",
      step: 2,
      label: "Exactly one elevated psychosocial domain",
      when: { elevatedDomains: { group: "psychosocial", min: 1, max: 1 } },
      source: "stepscore",
      designChoice: true,
      note: "One elevated domain is met with physiotherapy plus support aimed at that domain (its target).",
    },
    {
      id: "disability-severe",
      step: 2,
      label: "Severe disability (ODI above 40 or NDI above 24)",
      when: { domain: "disability" },
      source: "stepscore",
      designChoice: true,
      note: "The ODI's and NDI's 'severe' bands describe disability, not a care need; they are matched to physiotherapy (NG59's more intensive support).",
    },
  ],
  urgent: [
    {
      id: "phq9-self-harm",
      label: "PHQ-9 item 9 answered above 'Not at all'",
      when: { instrument: "phq9", flag: "self-harm", source: "focus2023" },
      action:
        "Same-day suicide-risk assessment by a clinician: ask directly about suicidal thoughts and intent, and refer " +
        "urgently if there is considerable immediate risk. The answer is a prompt to ask, not a risk level.",
      source: "ng222",
      designChoice: true,
      note:
        "Guidance asks for a fuller suicide assessment whatever the total (focus2023) and urgent referral when risk is " +
        "considerable (ng222 recs 1.2.8–1.2.9) but sets no timescale: 'same day' is this library's choice. The overlay never " +
        "changes the step and is not turned into a risk level.",
    },
  ],
  followUps: [
    {
      id: "phq2-positive",
      label: "PHQ-2 positive screen",
      when: [
        { instrument: "phq2", band: "positive", source: "kroenke2003" },
        { instrument: "phq2", flag: "sensitive-cutoff", source: "arroll2010" },
      ],
      recommend: "Administer the full PHQ-9: a positive PHQ-2 is a screen, not a diagnosis.",
      administer: ["phq9"],
      domain: "depression",
      source: "kroenke2003",
    },
    {
      id: "gad2-positive",
      label: "GAD-2 positive screen",
      when: [{ instrument: "gad2", band: "positive", source: "kroenke2007" }],
      recommend: "Administer the full GAD-7: a positive GAD-2 is a screen, not a diagnosis.",
      administer: ["gad7"],
      domain: "anxiety",
      source: "kroenke2007",
    },
  ],
  progression: [
    {
      id: "phq9-not-improved-step-up",
      label: "PHQ-9 not improved after 10 weeks at the step",
      action: "step-up",
      when: [
        { kind: "score", instrument: "phq9", point: "step-start", op: ">=", value: 10 },
        {
          kind: "outcome",
          instrument: "phq9",
          from: "step-start",
          outcome: "response",
          option: "below-10-or-halved",
          met: false,
          window: { minWeeks: 10 },
        },
      ],
      advice:
        "Intensify or change the depression treatment (a change of medication or dose, or high-intensity psychological therapy), with the team's psychiatric consultant.",
      source: "unutzer2002",
      note: "IMPACT changes the plan at 10–12 weeks (timing read in a programme summary only); improvement is the MHIP definition (bao2016): below 10 or 50 % lower. The rule keeps firing after week 12, as long as the person is still not improved at this step. At the highest step it asks for a review (the plan still changes; there is no step above).",
    },
    {
      id: "phq9-case-review",
      label: "PHQ-9 not improved at weeks 8–10",
      action: "review",
      when: [
        { kind: "score", instrument: "phq9", point: "step-start", op: ">=", value: 10 },
        {
          kind: "outcome",
          instrument: "phq9",
          from: "step-start",
          outcome: "response",
          option: "below-10-or-halved",
          met: false,
          window: { minWeeks: 8, maxWeeks: 10 },
        },
      ],
      advice:
        "Psychiatric or senior case review before week 10: adherence, dose, diagnosis, barriers; plan the change if there is still no improvement at week 10.",
      source: "bao2016",
      note: "MHIP's consultation for patients not improved by week 8 (bao2016, sowa2018); it runs until the step-up rule takes over at week 10.",
    },
    {
      id: "phq9-early-non-improvement",
      label: "PHQ-9 less than 20 % better at weeks 4–8",
      action: "review",
      when: [
        { kind: "score", instrument: "phq9", point: "step-start", op: ">=", value: 10 },
        {
          kind: "improvement",
          instrument: "phq9",
          from: "step-start",
          unit: "percent",
          op: "<",
          value: 20,
          window: { minWeeks: 4, maxWeeks: 8 },
        },
      ],
      advice:
        "Review at the next contact: personal, social and physical factors, adherence and dose. No change of step on early data alone.",
      source: "ng222",
      designChoice: true,
      note: "NG222 rec 1.9.1 reviews depression that has not responded at all after 4 weeks of medication or 4–6 weeks of psychological or combined treatment; 'not at all' is read as less than 20 % better, the usual early-improvement threshold (szegedi2009). The window stays open to week 8, where the case review takes over, so that a reassessment at week 7 is judged. Many early non-improvers still respond later (szegedi2009 note), so this is a review, never a step change.",
    },
    {
      id: "phq9-remission",
      label: "PHQ-9 remission (below 5 from a baseline of 10 or more)",
      action: "continue",
      when: [
        { kind: "score", instrument: "phq9", point: "step-start", op: ">=", value: 10 },
        { kind: "outcome", instrument: "phq9", from: "step-start", outcome: "remission", met: true },
        {
          kind: "not",
          condition: { kind: "consecutive", instrument: "phq9", op: "<", value: 5, count: 2, minSpanWeeks: 8 },
        },
      ],
      advice:
        "Continue the current care with a relapse-prevention and emergency plan; contacts can be reduced to every 4 weeks. If on an antidepressant, discuss continuing it for at least 6 months after remission.",
      source: "wernher2014",
      note: "GermanIMPACT's action at the first PHQ-9 below 5; once remission is sustained the step-down rule applies instead.",
    },
    {
      id: "phq9-sustained-remission-step-down",
      label: "PHQ-9 below 5 on two consecutive assessments 8 or more weeks apart",
      action: "step-down",
      to: "previous",
      when: [
        { kind: "score", instrument: "phq9", point: "step-start", op: ">=", value: 10 },
        { kind: "consecutive", instrument: "phq9", op: "<", value: 5, count: 2, minSpanWeeks: 8 },
      ],
      advice: "Step the depression care down, keeping the relapse-prevention plan and checks at 6 and 12 months.",
      source: "icsi",
      designChoice: true,
      note: "No source sets how long remission must last before stepping down; two assessments below 5 at least 8 weeks apart follow DSM-5's two months of full remission (icsi). Never while anything is urgent, never below the step stratify gives over the latest results, and never while another rule asks for more.",
    },
    {
      id: "reliable-deterioration",
      label: "Reliable deterioration since the baseline",
      action: "review",
      when: [{ kind: "reliable-change", from: "baseline", direction: "deterioration" }],
      advice: "Review at the next contact: barriers, adherence, diagnosis and safety; no automatic change of step.",
      source: "jacobson1991",
      designChoice: true,
      note: "Reliable deterioration is a published category (jacobson1991) on any instrument whose definition gives reliable-change inputs; mapping it to a review follows the not-on-track feedback studies (lambert2018).",
    },
    {
      id: "pain-disability-not-improved-step-up",
      label: "Neither pain nor disability 30 % better after 12 weeks at step 2",
      action: "step-up",
      steps: [2],
      to: 3,
      when: [
        { kind: "weeks-at-step", op: ">=", value: 12 },
        {
          kind: "not",
          condition: {
            kind: "any",
            of: [
              {
                kind: "improvement",
                instrument: "bpi",
                scale: "severity",
                from: "step-start",
                unit: "percent",
                op: ">=",
                value: 30,
                window: { minWeeks: 12 },
              },
              {
                kind: "improvement",
                instrument: "peg",
                from: "step-start",
                unit: "percent",
                op: ">=",
                value: 30,
                window: { minWeeks: 12 },
              },
              {
                kind: "improvement",
                instrument: "odi",
                from: "step-start",
                unit: "percent",
                op: ">=",
                value: 30,
                window: { minWeeks: 12 },
              },
              {
                kind: "improvement",
                instrument: "rmdq",
                from: "step-start",
                unit: "percent",
                op: ">=",
                value: 30,
                window: { minWeeks: 12 },
              },
              {
                kind: "improvement",
                instrument: "ndi",
                from: "step-start",
                unit: "percent",
                op: ">=",
                value: 30,
                window: { minWeeks: 12 },
              },
            ],
          },
        },
      ],
      advice: "Step up to psychologically informed or cognitive-behavioural care for pain.",
      source: "bair2015",
      designChoice: true,
      note: "ESCAPE and SCAMP step up after 12 weeks for inadequate improvement without a published threshold; 30 % is IMMPACT's moderately important change for pain and Ostelo's for disability (dworkin2008). Judged on the measures reassessed at 12 weeks or later at the step: the rule fires when none of them is 30 % better.",
    },
    {
      id: "startback-worse",
      label: "STarT Back worse at reassessment (or still high)",
      action: "review",
      when: [
        {
          kind: "band-change",
          instrument: "startback",
          from: "step-start",
          changes: [
            ["low", "medium"],
            ["low", "high"],
            ["medium", "high"],
            ["high", "high"],
          ],
        },
      ],
      advice:
        "Review the treatment plan: psychosocial obstacles, adherence, and whether the care matches the risk group.",
      source: "beneciuk2014",
      designChoice: true,
      note: "The change categories are Beneciuk 2014's (worsened includes staying high); the review is this library's action for them.",
    },
    {
      id: "startback-now-high",
      label: "STarT Back high risk at reassessment",
      action: "step-up",
      steps: [1, 2],
      to: 3,
      when: [
        {
          kind: "band-change",
          instrument: "startback",
          from: "step-start",
          changes: [
            ["low", "high"],
            ["medium", "high"],
            ["high", "high"],
          ],
        },
      ],
      advice: "Step up to psychologically informed physiotherapy (the STarT Back high-risk package).",
      source: "hill2011",
      designChoice: true,
      note: "High risk is matched to step 3 at intake (hill2011); the same match is made when a reassessment finds it.",
    },
    {
      id: "restratified-higher",
      label: "The latest results call for a higher step",
      action: "step-up",
      to: "stratified",
      when: [{ kind: "stratified-step", op: ">" }],
      advice: "Step up to the step the latest results call for (see the stratified reasons).",
      source: "stepscore",
      designChoice: true,
      note: "A reassessment that newly elevates a domain is matched as an intake would be: stratify over the latest results, and step up when its step is higher than the current one.",
    },
  ],
  notes: [
    "Stratified care improved disability in the UK STarT Back trial (hill2011) but not in the STarT MSK trial (hill2022) or in the US Military Health System (rhon2023): the pathway is decision support, not a proven intervention in every setting.",
    "Only STarT Back's risk groups come with a published matched treatment. Mapping the other scales' cut-offs to a care step is this library's own choice; each such rule is marked as a design choice and says why.",
    "A positive PHQ-2 or GAD-2 is not a diagnosis and never elevates a domain: it recommends the full PHQ-9 or GAD-7.",
    "A result without a score counts as not assessed. The PHQ-9 self-harm flag is still read from it, because the flag is raised from item 9 whatever else is missing.",
    "The TSK-11 and the PSQI have no cut-off the pathway uses, so their results are listed as not used.",
  ],
} as const satisfies Pathway);

/**
 * Freezes a value and everything in it. The default pathway is shared by every caller; frozen, it cannot be
 * changed by one of them, and `stratify` may trust what it validated once without re-reading its content.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The type of {@link defaultPathway}. @category Stratification */
export type DefaultPathway = typeof defaultPathway;
