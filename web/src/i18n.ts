/**
 * Interface strings in Arabic (the default, right to left) and English (left to right), and the
 * language switch, remembered in localStorage. Data from the store is never translated here.
 */

export type Lang = 'ar' | 'en';

const ar = {
  brand: 'رصد',
  navOverview: 'نظرة عامة',
  navRelation: 'العلاقات',
  navNetwork: 'شبكة الفاعلين',
  navMap: 'الخريطة',
  navTry: 'جرّب',
  switchTo: 'English',
  loading: 'جارٍ التحميل…',
  error: 'خطأ',
  none: 'لا شيء',
  articles: 'مقالات',
  events: 'أحداث',
  mentions: 'إشارات',
  eventsOverTime: 'الأحداث عبر الزمن حسب الفئة',
  topActors: 'أنشط الفاعلين',
  topPairs: 'أنشط الثنائيات',
  quad1: 'تعاون لفظي',
  quad2: 'تعاون مادي',
  quad3: 'نزاع لفظي',
  quad4: 'نزاع مادي',
  goldstein: 'متوسط غولدشتاين',
  modality_asserted: 'مؤكد',
  modality_future: 'مستقبلي',
  modality_hypothetical: 'افتراضي',
  modality_negated: 'منفي',
  actorA: 'الفاعل الأول',
  actorB: 'الفاعل الثاني',
  show: 'عرض',
  from: 'من',
  to: 'إلى',
  quad: 'الفئة',
  modality: 'الصيغة',
  all: 'الكل',
  date: 'التاريخ',
  code: 'الرمز',
  sourceTarget: 'المصدر ← الهدف',
  trigger: 'الفعل',
  numArticles: 'عدد المقالات',
  timeline: 'الخط الزمني الشهري',
  eventList: 'قائمة الأحداث',
  relationHint: 'اختر فاعلين (رمز مثل SYR أو RUS) لعرض علاقتهما.',
  total: 'المجموع',
  profile: 'الملف',
  partners: 'الشركاء',
  recentEvents: 'أحدث الأحداث',
  asSource: 'مصدرًا',
  asTarget: 'هدفًا',
  country: 'البلد',
  name: 'الاسم',
  networkHint:
    'حجم العقدة بعدد الأحداث؛ اللون من الأحمر (نزاع) إلى الأخضر (تعاون). انقر عقدة لفتح ملف الفاعل.',
  maxNodes: 'أقصى عدد للعقد',
  actorsList: 'قائمة الفاعلين',
  mapHint: 'الدوائر: الأماكن بحسب عدد الأحداث؛ تظليل البلدان بحسب عدد الأحداث. انقر للتصفية.',
  eventsAt: 'أحداث في',
  article: 'المقال',
  sourceLink: 'رابط المصدر',
  published: 'تاريخ النشر',
  outlet: 'المصدر الإعلامي',
  legend: 'المفتاح',
  lblTrigger: 'فعل',
  lblActor: 'فاعل',
  lblPlace: 'مكان',
  lblTime: 'زمن',
  eventDetails: 'تفاصيل الحدث',
  source: 'المصدر',
  target: 'الهدف',
  place: 'المكان',
  confidence: 'الثقة',
  pattern: 'النمط',
  openEvent: 'انقر فعلًا مظللًا لعرض حدثه.',
  tryTitle: 'جرّب المستخرج',
  tryHint: 'الصق نصًا عربيًا إخباريًا ثم اضغط «استخرج». لا يُخزَّن شيء.',
  extract: 'استخرج',
  publishedOptional: 'تاريخ النشر (اختياري)',
  noEvents: 'لا أحداث.',
  notFound: 'الصفحة غير موجودة.',
  prev: 'السابق',
  next: 'التالي',
  page: 'صفحة',
  goldsteinShort: 'غولدشتاين',
  text: 'النص',
};

export type Key = keyof typeof ar;

const en: Record<Key, string> = {
  brand: 'Rasad',
  navOverview: 'Overview',
  navRelation: 'Relations',
  navNetwork: 'Actor network',
  navMap: 'Map',
  navTry: 'Try it',
  switchTo: 'العربية',
  loading: 'Loading…',
  error: 'Error',
  none: 'None',
  articles: 'Articles',
  events: 'Events',
  mentions: 'Mentions',
  eventsOverTime: 'Events over time by quad class',
  topActors: 'Most active actors',
  topPairs: 'Most active pairs',
  quad1: 'Verbal cooperation',
  quad2: 'Material cooperation',
  quad3: 'Verbal conflict',
  quad4: 'Material conflict',
  goldstein: 'Mean Goldstein',
  modality_asserted: 'Asserted',
  modality_future: 'Future',
  modality_hypothetical: 'Hypothetical',
  modality_negated: 'Negated',
  actorA: 'First actor',
  actorB: 'Second actor',
  show: 'Show',
  from: 'From',
  to: 'To',
  quad: 'Quad class',
  modality: 'Modality',
  all: 'All',
  date: 'Date',
  code: 'Code',
  sourceTarget: 'Source → target',
  trigger: 'Trigger',
  numArticles: 'Articles',
  timeline: 'Monthly timeline',
  eventList: 'Events',
  relationHint: 'Choose two actors (a code such as SYR or RUS) to see their relation.',
  total: 'Total',
  profile: 'Profile',
  partners: 'Partners',
  recentEvents: 'Recent events',
  asSource: 'As source',
  asTarget: 'As target',
  country: 'Country',
  name: 'Name',
  networkHint:
    'Node size: number of events; colour from red (conflict) to green (cooperation). Click a node to open the actor.',
  maxNodes: 'Maximum nodes',
  actorsList: 'List of actors',
  mapHint: 'Circles: places by number of events; countries shaded by number of events. Click to filter.',
  eventsAt: 'Events in',
  article: 'Article',
  sourceLink: 'Source link',
  published: 'Published',
  outlet: 'Outlet',
  legend: 'Legend',
  lblTrigger: 'trigger',
  lblActor: 'actor',
  lblPlace: 'place',
  lblTime: 'time',
  eventDetails: 'Event details',
  source: 'Source',
  target: 'Target',
  place: 'Place',
  confidence: 'Confidence',
  pattern: 'Pattern',
  openEvent: 'Click a highlighted trigger to see its event.',
  tryTitle: 'Try the extractor',
  tryHint: 'Paste Arabic news text and press “Extract”. Nothing is stored.',
  extract: 'Extract',
  publishedOptional: 'Published (optional)',
  noEvents: 'No events.',
  notFound: 'Page not found.',
  prev: 'Previous',
  next: 'Next',
  page: 'Page',
  goldsteinShort: 'Goldstein',
  text: 'Text',
};

const tables: Record<Lang, Record<Key, string>> = { ar, en };
const STORAGE_KEY = 'rasad.lang';

function stored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

let current: Lang = stored();

export function lang(): Lang {
  return current;
}

/** The interface string for `key` in the current language. */
export function t(key: Key): string {
  return tables[current][key];
}

/** Set `lang` and `dir` on the document for the current language. */
export function applyLang(): void {
  document.documentElement.lang = current;
  document.documentElement.dir = current === 'ar' ? 'rtl' : 'ltr';
  document.title = t('brand');
}

/** Switch to the other language, remember it and apply it. */
export function toggleLang(): Lang {
  current = current === 'ar' ? 'en' : 'ar';
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // storage disabled: the switch lasts for this page only
  }
  applyLang();
  return current;
}

export function quadLabel(q: number): string {
  return q === 1 ? t('quad1') : q === 2 ? t('quad2') : q === 3 ? t('quad3') : t('quad4');
}

export function modalityLabel(m: string): string {
  if (m === 'asserted' || m === 'future' || m === 'hypothetical' || m === 'negated')
    return t(`modality_${m}`);
  return m;
}
