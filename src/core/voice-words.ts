// Word lists of voice attribution (who holds an evaluation): reporting verbs, document nouns, adoption and
// rejection markers, vague sources. Lower case, as tokens are. Pure data.

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/**
 * Verbs that introduce reported speech or a source's evaluation, in every tense the genre uses. Evaluative
 * speech acts (accuse, condemn, praise) are included: "China condemned Japan" is China's stance toward Japan.
 */
export const REPORTING_VERBS = words(`
  say says said saying tell tells told telling add adds added adding stated stating
  claimed claiming warn warns warned accuse accuses accused accusing
  slam slams slammed slamming blasted blasting criticize criticizes criticized criticizing
  criticise criticises criticised criticising condemn condemns condemned condemning denounce denounces denounced
  denouncing urge urges urged urging insist insists insisted insisting argue argues argued arguing asserts
  asserted asserting declare declares declared declaring note notes noted noting stresses stressed
  stressing emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised announce announces
  announced allege alleges alleged alleging describe describes described describing brands branded
  branding dismiss dismisses dismissed dismissing rejects rejected rejecting deny denies denied denying
  complain complains complained writes wrote tweeted posted responds
  responded replies replied suggest suggests suggested acknowledged admits admitted
  predicts predicted vows vowed pledged hails hailed praises praised praising
  welcomes welcomed commends commended lauds lauded blames blamed blaming reiterate
  reiterates reiterated confirmed explain explains explained explaining indicates indicated
  portray portrays portrayed portraying calls called lambasted rebukes rebuked
  chided decries decried deplores deplored castigated raps rapped contends oppose opposes opposing
  contended believes believed thinks sees cautioned demanded exposed revealed pointed points lashed lashing lashes
  recalled recalls reminded reminds thanked thanks derided derides jeered mocked mocks ridiculed lamented laments
  assailed assails berated scolded reproached censured excoriated protested
  believe voiced voices expressed expresses expressing picture pictures pictured picturing
  hailing welcoming commending lauding thanking lambasting rebuking chiding decrying deploring castigating
  deriding mocking ridiculing assailing berating scolding reproaching censuring excoriating protesting emphasising
  announcing complaining tweeting responding replying suggesting acknowledging admitting predicting vowing
  pledging reiterating confirming indicating calling contending cautioning demanding exposing revealing pointing
  recalling reminding lamenting voicing saw mentioned mentioning underlined underlining underscored underscoring
  highlighted highlighting observed remarked questioned questioning proclaim proclaims proclaimed proclaiming
  retorted conceded concedes considers considered regards regarded views viewed deems deemed perceives perceived
  label labels labeled labelled labeling labelling
`);

/** Verbs whose object, not a following clause, is what the speaker evaluates ("accused Manila of ..."). */
export const OBJECT_VERBS = words(`
  accuse accuses accused accusing slam slams slammed slamming blast blasts blasted blasting criticize criticizes
  criticized criticizing criticise criticises criticised criticising condemn condemns condemned condemning denounce
  denounces denounced denouncing hail hails hailed praise praises praised praising welcome welcomes welcomed
  commend commends commended laud lauds lauded blame blames blamed blaming lambast lambasted rebuke rebukes
  rebuked chide chided decry decries decried deplore deplored castigate castigated rap raps rapped portray
  portrays portrayed portraying describe describes described describing brand brands branded branding calls
  called urge urges urged lashed lashing lashes thanked thanks derided derides jeered mocked mocks ridiculed
  assailed assails berated scolded reproached censured excoriated protested
  voiced expressed expresses expressing picture pictures pictured picturing
  hailing welcoming commending lauding thanking lambasting rebuking chiding decrying deploring castigating
  deriding mocking ridiculing assailing berating scolding reproaching censuring excoriating protesting calling
  voicing questioned questioning label labels labeled labelled labeling labelling
`);

/**
 * Speech acts whose object is evaluated one way whatever follows ("Kim praised Russia for ...", "X condemned Israel
 * for ..."): the speaker's stance toward the object is the act's. Verbs that only frame ("portrayed", "called",
 * "urged") are in neither list.
 */
export const NEGATIVE_ACTS = words(`
  accuse accuses accused accusing slam slams slammed slamming blast blasts blasted blasting criticize criticizes
  criticized criticizing criticise criticises criticised criticising condemn condemns condemned condemning denounce
  denounces denounced denouncing blame blames blamed blaming lambast lambasted rebuke rebukes rebuked chide chided
  decry decries decried deplore deplored castigate castigated rap raps rapped lashed lashing lashes derided derides
  jeered mocked mocks ridiculed assailed assails berated scolded reproached censured excoriated protested
  lambasting rebuking chiding decrying deploring castigating deriding mocking ridiculing assailing berating
  scolding reproaching censuring excoriating protesting deplores oppose opposes opposing reject rejects rejected
  rejecting
`);
export const POSITIVE_ACTS = words(`
  hail hails hailed hailing praise praises praised praising welcome welcomes welcomed welcoming commend commends
  commended commending laud lauds lauded lauding thanked thanks thanking
`);

/** Nouns of documents and media that speak ("the communique says", "the newspaper wrote"). */
export const DOCUMENT_NOUNS = words(`
  statement statements communique communiqué report reports draft declaration letter paper editorial article
  newspaper daily agency ministry spokesman spokesperson spokeswoman spokesmen official officials source sources
  document strategy resolution memo post tweet white readout transcript survey poll study
`);

/** Markers with which the author adopts a reported claim ("as X rightly pointed out", "X exposed ..."). */
export const ADOPT_MARKERS = words(`rightly correctly aptly accurately justifiably exposed revealed laid bare`);

/** Markers with which the author rejects a reported claim ("X's baseless claims", "falsely claimed"). */
export const REJECT_MARKERS = words(`
  falsely baselessly wrongly groundlessly absurdly baseless groundless false farfetched far-fetched unfounded
  erroneously mistakenly unjustly unfairly wrongfully shamelessly unjustifiably
  so-called smear smeared smears peddle peddled peddling peddles hyped hype hyping concocted fabricated
  fabrication fabrications distorted distort distortion slander slandered slanderous lies lie lied lying
  preposterous ridiculous spurious trumped-up hyping fearmongering
`);

/** People who speak for themselves or others, after an article in "..., said a spokesman" / "..., says an author". */
export const SPEAKER_NOUNS = words(`
  author writer analyst expert scholar researcher professor commentator columnist editor minister diplomat envoy
  ambassador lawmaker senator official spokesman spokeswoman spokesperson president premier leader government
  embassy military army police witness resident source
`);

/** Nouns of one person's role: "the diplomat said" refers back to the last named speaker, as "he said" does. */
export const ROLE_NOUNS = words(`
  diplomat minister spokesman spokeswoman spokesperson envoy ambassador president premier chancellor author writer
  analyst expert scholar professor commentator columnist senator lawmaker
`);

/**
 * Words of a role title, often written in capitals ("The Foreign Minister stressed", "the Prime Minister said"):
 * with a role noun they still describe a speaker named before, where any other capitalised word makes a name.
 */
export const TITLE_WORDS = words(`foreign prime defence defense deputy vice chief general secretary interior senior former`);

/** Nouns of a publication or its writers: "the outlet explained", "the paper says" refer back to a named publication. */
export const MEDIA_NOUNS = words(`article authors magazine outlet newspaper paper daily editorial commentary piece`);

/** Words of a publication's name ("The Yomiuri Shimbun", "Global Times", "state news agency Xinhua"). */
export const PUBLICATION_WORDS = words(`
  times daily post news herald shimbun journal economist guardian telegraph gazette tribune chronicle xinhua kcna
  tass ria sputnik yonhap reuters afp bloomberg cnn bbc rt cgtn agency media magazine newspaper paper outlet press
  television tv broadcaster
`);

/** Nouns of an organisation: "the ministry said", "the movement called on" refer back only to a speaker so named. */
export const ORGANISATION_NOUNS = words(`ministry movement group organisation organization agency council party office committee`);

/** Heads of vague sources used to advance a claim ("critics say", "observers have long warned"). */
export const VAGUE_SOURCES = words(`critics observers commentators many some pundits skeptics sceptics`);

/** Pronouns that stand for the last named speaker ("he said", "according to him"). */
export const SPEAKER_PRONOUNS = words(`he she they it him her them`);

/** Subject pronouns: "said as he walked" opens a clause of its own; "He met X, who said" is no part of X. */
export const SUBJECT_PRONOUNS = words(`he she they we i it`);

/** Words between a speaker and its verb that belong to neither ("Peskov also said", "has warned"). */
export const AUXILIARIES = words(`
  also has have had is are was were will would could may might again previously earlier later then recently
  reportedly repeatedly once further had already has long did does do in turn even still now just keep keeps kept
`);

/** Adverbials after a final reporting verb that do not start the reported content ("said on Monday"). */
export const TRAILING = words(`
  on in at to during after before while when last this earlier later today yesterday told reporters for over with
  recently separately monday tuesday wednesday thursday friday saturday sunday
`);

/** Plural sources that may follow their verb without a capital ("..., say analysts", "..., said officials"). */
export const SOURCE_NOUNS = words(`analysts experts officials sources critics observers diplomats witnesses residents scholars economists`);

/** Audiences after a reporting verb ("told reporters that ..."), and what may stand before them ("state media"). */
export const AUDIENCES = words(`reporters journalists press media lawmakers parliament legislators delegates audience audiences crowd television radio news conference briefing joint`);
/** Verbs whose object is the audience ("told the BBC"), not what is said. */
export const TELL_VERBS = words(`tell tells told telling`);
export const DETERMINERS = words(`the a state local foreign visiting`);

/** Words that cannot be part of a speaker phrase (a clause boundary or a verb/relative). */
export const SPEAKER_STOPS = words(`
  that which who whom whose and but or because if while as than when where what why how it its this these those
  there here not no be is are was were been being should would could can will may might must has have had do does
  did also after before since until
`);
