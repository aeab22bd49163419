/**
 * The event coder on the constructions of Arabic news it must handle: word orders, companions,
 * coordination, relative clauses, attribution, modality, date and place carry-over, event
 * anaphora and complements. Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extract, loadResources } from '../src/pipeline.js';
import type { EventRecord } from '../src/types.js';

const res = loadResources();
const PUB = '2024-05-12';

function run(text: string, published = PUB): EventRecord[] {
  return extract({ id: 't', text, published }, res);
}

/** `code SOURCE TARGET modality` of each record. */
function brief(text: string, published = PUB): string[] {
  return run(text, published).map(
    (e) => `${e.code} ${e.source?.code ?? '-'} ${e.target?.code ?? '-'} ${e.modality}`,
  );
}

describe('word order and arguments', () => {
  it('verb–subject–object with a prepositional target (ب)', () => {
    expect(brief('التقى وزير الخارجية الأردني بنظيره المصري في عمان.')).toEqual([
      '040 JORGOV EGYGOV asserted',
    ]);
  });
  it('subject–verb–object', () => {
    expect(brief('وزير الخارجية الأردني التقى نظيره المصري في القاهرة أمس.')).toEqual([
      '040 JORGOV EGYGOV asserted',
    ]);
  });
  it('direct object past an adverb of time', () => {
    expect(brief('استقبل الرئيس المصري أمس وزير الخارجية الفرنسي.')).toEqual(['043 EGYGOV FRAGOV asserted']);
  });
  it('companions are co-sources', () => {
    expect(
      brief('التقى وزير الخارجية السعودي، برفقة وزير الدفاع السعودي، بالرئيس الأمريكي في واشنطن.'),
    ).toEqual(['040 SAUGOV USAGOV asserted', '040 SAUMIL USAGOV asserted']);
  });
  it('coordinated targets give one record each', () => {
    expect(brief('التقى الرئيس التركي مع الرئيس الروسي والرئيس الإيراني في طهران.')).toEqual([
      '040 TURGOV RUSGOV asserted',
      '040 TURGOV IRNGOV asserted',
    ]);
  });
  it('a subject with a relative clause before its verb', () => {
    const evs = brief('وزير الخارجية الكويتي الذي وصل إلى بغداد أمس سيلتقي رئيس الوزراء العراقي اليوم.');
    expect(evs).toContain('042 KWTGOV IRQ asserted');
    expect(evs).toContain('040 KWTGOV IRQGOV future');
  });
  it('a relative clause whose verb carries the agent: condemning an attack targets its perpetrator', () => {
    expect(brief('أدانت جامعة الدول العربية الهجوم الذي شنه تنظيم داعش على قرية في العراق.')).toEqual([
      '111 IGOARL IMGISI asserted',
    ]);
  });
  it('a relative clause whose object is the victim does not make the victim the target', () => {
    const evs = brief('أدانت الحكومة الأردنية التفجير الذي استهدف قوات الأمن الكويتية.');
    expect(evs.some((e) => e.startsWith('111 JORGOV KWT'))).toBe(false);
  });
  it('the genitive of a noun trigger is its agent, a destination its target', () => {
    expect(brief('تأتي زيارة وزير الخارجية الصيني إلى الجزائر في إطار تعزيز العلاقات.')).toEqual([
      '042 CHNGOV DZA asserted',
    ]);
  });
  it('a verbal noun after a preposition takes the governing agent', () => {
    const evs = brief('أعلن متمردو حركة الشباب الصومالية مسؤوليتهم عن قتل نائب صومالي في مقديشو.');
    expect(evs).toContain('015 SOMREB - asserted');
    // killing a public official is an assassination
    expect(evs).toContain('186 SOMREB SOMLEG asserted');
  });
});

describe('attribution and modality', () => {
  it('a reported clause is coded on its own, with the speaker as attribution', () => {
    const [e] = run('أعلنت الخارجية الروسية أن وزير الخارجية الروسي سيستقبل نظيره السوري الأسبوع المقبل.');
    expect(e?.code).toBe('043');
    expect(e?.source?.code).toBe('RUSGOV');
    expect(e?.target?.code).toBe('SYRGOV');
    expect(e?.modality).toBe('future');
    expect(e?.attribution?.code).toBe('RUSGOV');
    expect(e?.date).toBe('2024-05-19');
  });
  it('بحسب puts its source in attribution', () => {
    const [e] = run('وبحسب الخارجية القطرية، أجرى أمير قطر اتصالا هاتفيا بالرئيس التركي.');
    expect(e?.code).toBe('041');
    expect(e?.attribution?.code).toBe('QATGOV');
  });
  it('من المتوقع أن: hypothetical, dated by the month it names', () => {
    const [e] = run('من المتوقع أن يزور الرئيس الفرنسي الجزائر الشهر المقبل.');
    expect([e?.code, e?.source?.code, e?.target?.code, e?.modality, e?.date]).toEqual([
      '042',
      'FRAGOV',
      'DZA',
      'hypothetical',
      '2024-06',
    ]);
  });
  it('لم before the verb: negated', () => {
    expect(brief('لم يلتق وزير الخارجية الإيراني بنظيره السعودي خلال القمة.')).toEqual([
      '040 IRNGOV SAUGOV negated',
    ]);
  });
  it('a denial negates the clause it introduces', () => {
    expect(
      brief('نفى المتحدث باسم الحكومة العراقية أن يكون رئيس الوزراء العراقي قد التقى بالسفير الأمريكي.'),
    ).toEqual(['040 IRQGOV USAGOV negated']);
  });
  it('a purpose clause is not an event of its own', () => {
    const evs = brief('وصل وزير الخارجية المصري إلى عمان لإجراء مباحثات مع نظيره الأردني.');
    expect(evs).toEqual(['042 EGYGOV JOR asserted']);
  });
  it('the content of a pledge is not a separate event', () => {
    const codes = run('تعهدت السعودية بتقديم مساعدات إنسانية لليمن.').map((e) => e.code);
    expect(codes.every((c) => c.startsWith('03'))).toBe(true);
  });
});

describe('time and place', () => {
  it('the date of a time expression, else the publication date', () => {
    const [visit, meeting] = run(
      'وصل وزير الخارجية الصيني إلى الرياض يوم الأحد في زيارة رسمية. والتقى خلال الزيارة ولي العهد السعودي.',
    );
    expect(visit?.date).toBe('2024-05-12');
    expect(visit?.date_text).toBe('يوم الأحد');
    expect(visit?.place?.name).toBe('Riyadh');
    // a meeting during a visit happens where the visit is
    expect(meeting?.code).toBe('040');
    expect(meeting?.place?.country).toBe('SAU');
  });
  it('a sentence pointing back to the report before it takes its day', () => {
    const evs = run(
      'طالب مئات المحتجين العراقيين أمس بتحرير مناطقهم.\nجاءت هذه المطالبة في وقفة احتجاجية نظمها المحتجون العراقيون في أربيل.',
    );
    const protest = evs.find((e) => e.code === '141');
    expect(protest?.date).toBe('2024-05-11');
  });
  it('يوم أمس resolves against the publication date', () => {
    const [e] = run('التقى وزير الخارجية الأردني بنظيره المصري يوم أمس في القاهرة.');
    expect(e?.date).toBe('2024-05-11');
    expect(e?.place?.country).toBe('EGY');
  });
  it('no publication date: relative dates stay null, the expression is kept', () => {
    const [e] = run('التقى وزير الخارجية الأردني بنظيره المصري يوم أمس.', '');
    expect(e?.date).toBeNull();
    expect(e?.date_text).toBe('يوم أمس');
  });
  it('a host receives in its own country when the text names no place', () => {
    const [e] = run('استقبل الرئيس المصري وزير الخارجية الفرنسي.');
    expect(e?.place?.country).toBe('EGY');
  });
});

describe('records', () => {
  it('the same event read twice in one article is one record with mentions', () => {
    const evs = run(
      'التقى وزير الخارجية الأردني بنظيره المصري في عمان. وقد التقى وزير الخارجية الأردني بنظيره المصري لبحث الأوضاع.',
    );
    expect(evs).toHaveLength(1);
    expect(evs[0]?.mentions?.length).toBe(1);
  });
  it('ids are stable across runs', () => {
    const t = 'استقبل الرئيس المصري وزير الخارجية الفرنسي في القاهرة.';
    expect(run(t).map((e) => e.id)).toEqual(run(t).map((e) => e.id));
  });
  it('trigger offsets point into the text', () => {
    const t = 'وسيستقبل الرئيس المصري وزير الخارجية الفرنسي غدا في القاهرة.';
    const [e] = run(t);
    expect(e).toBeDefined();
    expect(t.slice(e!.trigger.start, e!.trigger.end)).toBe(e!.trigger.text);
    expect(e!.modality).toBe('future');
  });
});

describe('words that look like triggers', () => {
  it('an adverbial accusative is no visit: بدءاً من ... وصولاً إلى', () => {
    expect(
      brief('تسعى المملكة العربية السعودية إلى استقرار المنطقة بدءا من اليمن وصولا إلى سوريا والعراق.'),
    ).toEqual([]);
    expect(brief('وصل وزير الخارجية السعودي إلى العراق أمس.')).toEqual(['042 SAUGOV IRQ asserted']);
  });
  it('a verbal noun as the object of a support verb is the event: عقد ... اجتماعاً', () => {
    expect(
      brief('عقد وزير الدفاع السعودي في مكتبه بجدة أمس اجتماعاً ثنائياً مع وزير الدفاع الأمريكي.'),
    ).toEqual(['040 SAUMIL USAMIL asserted']);
  });
  it('a predicate accusative is no threat: يمثل تهديداً', () => {
    expect(brief('قال الرئيس التركي إن تنظيم داعش يمثل تهديدا لتركيا والمنطقة.')).toEqual([]);
  });
  it('a bare noun is not a Form V verb: حل وسط (compromise) is not توسّط (mediated)', () => {
    expect(
      brief('وتزايدت الضغوط الداخلية في هولندا وفنلندا ولم يعد أي حل وسط بين ألمانيا وفرنسا كافيا.'),
    ).toEqual([]);
    expect(brief('توسط أمير قطر بين السعودية والإمارات.')).toEqual([
      '045 QATGOV SAU asserted',
      '045 QATGOV ARE asserted',
    ]);
  });
  it('a Form V imperfect is not the Form II verb: يتحمّل (bears) is not حمّل (blamed)', () => {
    expect(
      brief('وقال وزير الخارجية الأردني إن المجتمع الدولي يتحمل مسؤولية معاناة اللاجئين السوريين.'),
    ).toEqual([]);
  });
  it('توصل إلى اتفاق (reached an agreement) is no arrival', () => {
    expect(
      brief('وتوصل الاتحاد الأوروبي وفيتنام إلى اتفاق تجارة حرة.').map((e) => e.slice(0, 3)),
    ).not.toContain('042');
  });
  it('a broken plural أفاعيل is not a verb: أناشيد (songs) is not ناشد (appealed)', () => {
    expect(
      brief(
        'وقال إن سيارات تتبع الحوثيين تجوب الشوارع وهي تردد هتافات وأناشيد تدعو الجيش اليمني إلى القتال.',
      ),
    ).toEqual([]);
  });
});

describe('victims and authors of violence', () => {
  it('the subject of a passive verb governing بسيارة مفخخة is the victim, not the author', () => {
    expect(brief('اغتيل النائب العام المصري الشهر الماضي بسيارة مفخخة استهدفت موكبه.')).toEqual([]);
    expect(brief('فجر تنظيم داعش سيارة مفخخة في بغداد أمس.')).toEqual(['1832 IMGISI - asserted']);
  });
  it('a Form II verbal noun of an assimilated verb is still its verb: توقيع اتفاقية', () => {
    expect(brief('أعلنت وزارة العمل السعودية توقيع اتفاقية مع سريلانكا.')).toEqual([
      '057 SAUGOV LKA asserted',
    ]);
  });
});

describe('context', () => {
  it('a sentence about a match is sport: national teams are not states', () => {
    expect(brief('وتلتقي السعودية مع الإمارات في مباراة الجولة الثانية من التصفيات.')).toEqual([]);
    expect(brief('وتلتقي السعودية مع الإمارات في قمة ثنائية.')).toEqual(['040 SAU ARE asserted']);
  });
  it('every sentence of a sports article is sport', () => {
    const text = [
      'أعلن نادي الهلال تعاقده مع لاعب برازيلي جديد قبل انطلاق الدوري.',
      'وقال المدير الفني للفريق إن اللاعب سينضم إلى معسكر الفريق في تركيا.',
      'واستقبل الفريق الإماراتي نظيره السعودي في مباراة ودية انتهت بالتعادل.',
      'وتلتقي البرازيل مع الأرجنتين في بطولة كأس العالم.',
    ].join(' ');
    expect(brief(text)).toEqual([]);
  });
  it('a stadium blown up is no sport', () => {
    expect(brief('أعلن تنظيم داعش في العراق أمس تفجير الملعب الأولمبي في الرمادي.')).toEqual([
      '183 IMGISI - asserted',
    ]);
  });
  it('a club named in a political article does not make it sport', () => {
    expect(
      brief('نظم أطفال نادي الجزيرة الفلسطيني وقفة احتجاجية على قتل المستوطنين الإسرائيليين طفلا فلسطينيا.'),
    ).not.toEqual([]);
  });
});

describe('domestic visits and punctuation', () => {
  it("a visit to one's own country is a domestic trip, not a visit between actors", () => {
    expect(brief('زار وزير الداخلية السعودي منطقة جازان في السعودية أمس.')).toEqual([]);
    expect(brief('زار وزير الداخلية السعودي العراق أمس.')).toEqual(['042 SAUGOV IRQ asserted']);
  });
  it('؛ written for a comma does not cut the verb from its object', () => {
    expect(brief('استقبل وزير الخارجية السعودي أمس في مكتبه بجدة؛ وزير الخارجية الأردني.')).toEqual([
      '043 SAUGOV JORGOV asserted',
    ]);
  });
});

describe('places, receptions and courtesy', () => {
  it('arriving at a city airport is arriving in the city', () => {
    expect(brief('وصل وزير الخارجية الفرنسي إلى مطار بيروت الدولي أمس.')).toEqual([
      '042 FRAGOV LBN asserted',
    ]);
  });
  it('a city after في or ب is where a reception took place, not who was received', () => {
    expect(brief('استقبل العاهل الأردني في قصر الحسينية بالعقبة أمس رئيس حزب الكتائب اللبناني.')).toEqual([
      '043 JORGOV LBNPTY asserted',
    ]);
    expect(brief('عقد مجلس الوزراء السعودي اجتماعا في قصر اليمامة بالرياض أمس.')).toEqual([]);
  });
  it('كان في استقبال GUEST ... HOST: the host follows, the guest is the genitive', () => {
    expect(
      brief('وكان في استقبال الرئيس الفرنسي لدى وصوله إلى مطار القاهرة الدولي رئيس الوزراء المصري.'),
    ).toEqual(['043 EGYGOV FRAGOV asserted', '042 FRAGOV EGY asserted']);
    expect(
      brief('وصل وزير الخارجية الإيطالي إلى عمان أمس. وكان في استقباله لدى وصوله وزير الخارجية الأردني.'),
    ).toEqual(['042 ITAGOV JOR asserted', '043 JORGOV ITAGOV asserted']);
    // the guest's own officials lining up is protocol
    expect(brief('وكان في استقبال الرئيس المصري لدى عودته وزير الخارجية المصري.')).toEqual([]);
  });
  it('thanks to staff or a town of the same country are courtesy, not events', () => {
    expect(brief('وقدم وزير الصحة السعودي شكره للعاملين في المستشفيات على جهودهم.')).toEqual([]);
    expect(brief('وشكر وزير الخارجية اللبناني السعودية على دعمها.')).toEqual(['051 LBNGOV SAU asserted']);
  });
  it('a new clause after ، و keeps its subject, not an actor in the previous object phrase', () => {
    const got = brief(
      'فرضت الحكومة البريطانية أمس عقوبات على أربعة من قيادات حزب الله ورجل أعمال في لبنان، واتهمتهم بدعم العمليات العسكرية لنظام بشار الأسد.',
    );
    expect(got.some((g) => g.startsWith('112 GBRGOV'))).toBe(true);
    expect(got.some((g) => g.startsWith('112 LBNREB'))).toBe(false);
  });
  it('a place inside غادر ... متوجها is where the trip began', () => {
    expect(brief('ومن المقرر أن يغادر وزير الخارجية الألماني الأردن اليوم متوجها إلى السعودية.')).toEqual([
      '042 DEUGOV SAU future',
    ]);
  });
  it('a tag line after the article codes no events', () => {
    expect(brief('قال مسؤولون ليبيون إن التنظيم يتمدد في مدن الساحل. سمات خطف داعش ليبيا')).toEqual([]);
  });
});

describe('a verbal noun with its own agent and recipient', () => {
  it('رد على اتهامات X لـY: X accuses Y, not the one who replied', () => {
    expect(
      brief('ورد وزير الخارجية السعودي على اتهامات رئيس الوزراء العراقي للسعودية بدعم الإرهاب.'),
    ).toEqual(['112 IRQGOV SAU asserted']);
  });
});

describe('victims in a relative clause', () => {
  it('المدنيين الذين قتلوا: the civilians were killed, they did not kill', () => {
    const got = brief('وقال ناشطون إن المدنيين الذين قتلوا نتيجة قصف القوات الحكومية بلغوا 900 شخص.');
    expect(got.filter((g) => / [A-Z]{3}CVL [A-Z]/.test(g) && g.split(' ')[1]!.endsWith('CVL'))).toEqual([]);
    // a relative clause on an armed actor still gives its subject
    expect(brief('وقال ناشطون إن المسلحين الذين هاجموا قوات الأمن المصرية فروا إلى الجبال.')).toEqual([
      expect.stringMatching(/^18\d* \w+ EGYCOP asserted$/),
    ]);
  });
});

describe('a violent verbal noun after a word of cause', () => {
  it('نتيجة قصف X: X shelled; the victims before it are not the shellers', () => {
    const got = brief('وذكر ناشطون سوريون أن المدنيين الذين قتلوا نتيجة قصف القوات الحكومية بلغوا 300 شخص.');
    expect(got.filter((g) => g.split(' ')[1]!.endsWith('CVL'))).toEqual([]);
  });
});

describe('arrivals of vehicles', () => {
  it('a plane arriving at an airport is no visit; a minister arriving is', () => {
    expect(
      brief('وأرسل مركز الإغاثة مساعدات إلى اليمن، ووصلت اليوم ثالث طائرة إلى مطار عدن الدولي.'),
    ).toEqual(expect.not.arrayContaining([expect.stringMatching(/^042 /)]));
    expect(brief('ووصل وزير الخارجية الأردني اليوم إلى مطار عدن الدولي.')).toEqual([
      '042 JORGOV YEM asserted',
    ]);
  });
});

describe('verbal attacks and figures of speech', () => {
  it('هاجم in a speech is criticism (111), with forces it is an attack (18x)', () => {
    expect(brief('هاجم وزير الخارجية التركي الحكومة السورية في تصريحات صحفية أمس.')).toEqual([
      '111 TURGOV SYRGOV asserted',
    ]);
    expect(brief('هاجم تنظيم القاعدة الجيش اليمني في محافظة أبين.')).toEqual([
      expect.stringMatching(/^180 IMGAQD YEM\w* asserted$/),
    ]);
  });
  it('blowing up the region is a figure of speech', () => {
    expect(brief('وقال وزير الخارجية الأردني إن التدخل الإيراني يهدد بتفجير المنطقة بأكملها.')).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/^183 /)]),
    );
  });
  it('a Form IV أوصل (brought) is no arrival', () => {
    expect(brief('وأوصل وزير الخارجية القطري رسالة إلى الرئيس السوداني.')).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/^042 /)]),
    );
  });
});

describe('modality of governed clauses', () => {
  it('أنْ + imperfect is not asserted: a fear or a wish', () => {
    const got = brief('وتخشى الحكومة العراقية أن يقصف الجيش التركي مواقع حزب العمال الكردستاني في العراق.');
    expect(got.length).toBeGreaterThan(0);
    expect(got.filter((g) => g.endsWith('asserted'))).toEqual([]);
  });
  it('قد + imperfect governs the trigger after it', () => {
    const got = brief('وقال مسؤول أمريكي إن الخلاف قد يدفع الكونغرس الأمريكي إلى رفض الاتفاق مع إيران.');
    expect(got.filter((g) => g.endsWith('asserted'))).toEqual([]);
  });
  it('من شأن ... أن is hypothetical', () => {
    const got = brief('وقالت مصادر إن من شأن هذه الخطوة أن تعرقل زيارة الرئيس الإيراني إلى السعودية.');
    expect(got).toContain('042 IRNGOV SAU hypothetical');
  });
  it('أنْ + imperfect after a word of regret reports a fact', () => {
    expect(brief('وقال إنه من المؤسف أن يقصف الجيش التركي مواقع حزب العمال الكردستاني في العراق.')).toEqual([
      '194 TURMIL TURREB asserted',
    ]);
  });
  it('دون أن negates the clause', () => {
    expect(brief('وانتهت الجلسة دون أن يلتقي وزير الخارجية الإيراني نظيره السعودي.')).toEqual([
      '040 IRNGOV SAUGOV negated',
    ]);
  });
  it('على أن + imperfect is an arrangement: future', () => {
    expect(
      brief('وقال الرئيس الأمريكي إن الاتفاق على أن يلتقي وزير الخارجية الأمريكي نظيره الإيراني غدا.'),
    ).toEqual(['040 USAGOV IRNGOV future']);
  });
  it('a negated result does not negate the attack: لم يسفر الهجوم عن إصابات', () => {
    const got = brief('شن مسلحون هجوما على حاجز للجيش المصري في سيناء، ولم يسفر الهجوم عن وقوع إصابات.');
    expect(got.length).toBeGreaterThan(0);
    expect(got.filter((g) => g.endsWith('negated'))).toEqual([]);
  });
  it('ما negates a past verb right after it, not after سرعان / وهو', () => {
    expect(brief('وسرعان ما تبنى تنظيم داعش الهجوم على المسجد.')).toEqual(['015 IMGISI - asserted']);
    expect(brief('ما زار وزير الخارجية الإيراني السعودية منذ سنوات.')).toEqual(['042 IRNGOV SAU negated']);
  });
  it('a negation before a preposition does not reach the trigger after it', () => {
    expect(
      brief('وتقرر تأجيل الدراسة من عدمها في اجتماع عقده وزير الخارجية الأردني مع نظيره المصري أمس.'),
    ).toEqual(['040 JORGOV EGYGOV asserted']);
  });
  it('لا يزال / ما زال is "still", not a negation', () => {
    const got = brief('ولا تزال قوات الحوثيين تقصف مواقع الجيش اليمني في تعز.');
    expect(got.length).toBeGreaterThan(0);
    expect(got.filter((g) => g.endsWith('negated'))).toEqual([]);
  });
});
