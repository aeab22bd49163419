import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RasadError } from '../errors.js';
import { anchorDate } from '../time/calendar.js';
import {
  dateFromUrl,
  dateInText,
  htmlFragmentToText,
  htmlToDocument,
  normalizeDate,
  stableId,
} from './html.js';

const FIX = join(import.meta.dirname, '../../test/fixtures/web');
const page = (name: string): string => readFileSync(join(FIX, name), 'utf8');

/** Every paragraph is a whole line of the text, found at an offset that slices back to it. */
function expectParagraphs(text: string, paragraphs: string[]): void {
  const lines = text.split('\n');
  for (const p of paragraphs) {
    expect(lines).toContain(p);
    const start = text.indexOf(p);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(text.slice(start, start + p.length)).toBe(p);
  }
}

function expectAbsent(text: string, fragments: string[]): void {
  for (const f of fragments) expect(text, `"${f}" should not be in the article text`).not.toContain(f);
}

describe('htmlToDocument', () => {
  it('extracts the article body of a page with navigation, ads, related lists, scripts and comments', () => {
    const doc = htmlToDocument(page('article-meta.html'), { url: 'https://news.example/p?id=1' });
    const paragraphs = [
      'وصل وزير الخارجية الأردني إلى القاهرة صباح الثلاثاء، في زيارة رسمية تستمر يومين يلتقي خلالها نظيره المصري لبحث ملف المياه والتعاون الاقتصادي بين البلدين.',
      'وقال الوزير في مؤتمر صحفي مشترك إن «الأمن المائي مسؤولية مشتركة»، مضيفاً أن بلاده تدعم كل جهد يحفظ حقوق الدول العربية في مياه الأنهار الدولية؛ ودعا إلى استئناف المفاوضات في أقرب وقت.',
      'من جهته، أكد وزير الخارجية المصري أن الجانبين اتفقا على تشكيل لجنة فنية مشتركة تجتمع كل ثلاثة أشهر، وأن اللجنة ستعرض أول تقرير لها قبل نهاية العام الجاري.',
      'وتأتي الزيارة بعد أسبوعين من اجتماع وزاري في عمّان ناقش أزمة الجفاف التي تضرب المنطقة، وسط تحذيرات من نقص حاد في المياه خلال الصيف المقبل.',
      'وأشار الوزير الأردني إلى أن التعاون بين البلدين يشمل أيضاً مشروعات الطاقة والربط الكهربائي، معرباً عن أمله في توقيع اتفاقية جديدة خلال الأشهر المقبلة؟',
    ];
    expectParagraphs(doc.text, paragraphs);
    expect(doc.text.split('\n')).toHaveLength(paragraphs.length);
    expectAbsent(doc.text, [
      'آراء ومدونات', // main menu
      'انقطاع الكهرباء', // breaking ticker
      'السعودية والإمارات', // related articles
      'مقالات ذات صلة',
      'ارتفاع أسعار الذهب', // sidebar "most read"
      'تعليق قارئ', // comments
      'نص دعائي', // script
      'سطر كتبه سكربت', // document.write in a script that must not run
      'تتبع الزوار',
      'نص إعلاني', // HTML comment
      'شريط علوي',
      'اقرأ أيضا', // "read also" link between paragraphs
      'مفاوضات النيل',
      'واتساب', // share buttons
      'جميع الحقوق محفوظة', // footer
      'إعلان',
      'الوزيران خلال المؤتمر', // image caption
      'بريدك الإلكتروني',
    ]);
    expect(doc.text).not.toMatch(/[<>]|&[a-z#]+;|googletag|\s\n|\n\s|\s{2}/);
    expect(doc.title).toBe('وزير الخارجية الأردني يبحث في القاهرة ملف المياه');
    expect(doc.published).toBe('2024-03-05T01:30:00+03:00');
    // the publisher's day, not the UTC day (22:30 on the 4th)
    expect(anchorDate(doc.published)).toBe('2024-03-05');
    expect(doc.source).toBe('شبكة الصحراء الإخبارية');
    expect(doc.url).toBe('https://news.example/politics/2024/03/05/jordan-egypt-water');
    expect(doc.id).toBe(stableId('https://news.example/politics/2024/03/05/jordan-egypt-water'));
    expect(doc.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads the date and title from JSON-LD, decodes entities and splits <br> lines', () => {
    const url = 'https://alnahar.example/world/2023/libya-unsmil';
    const doc = htmlToDocument(page('article-jsonld.html'), { url });
    expectParagraphs(doc.text, [
      'صوّت مجلس الأمن الدولي بالإجماع، مساء الثلاثاء، على تمديد ولاية بعثة الأمم المتحدة للدعم في ليبيا لمدة عام إضافي، داعياً الأطراف الليبية إلى "الانخراط بجدية" في العملية السياسية.',
      'ترحيب ليبي',
      'ورحب المجلس الرئاسي الليبي بالقرار، وقال في بيان إنه «خطوة مهمة نحو توحيد المؤسسات»، بينما أعربت حكومة الوحدة الوطنية عن استعدادها للتعاون الكامل مع البعثة.',
      'وأكد البيان أن الحوار هو الطريق الوحيد لإنهاء الانقسام.',
      'وكانت البعثة قد تأسست عام 2011، وتتولى تقديم الدعم للسلطات الليبية في مجالات الحوكمة والأمن وحقوق الإنسان، وتتخذ من العاصمة طرابلس مقراً رئيسياً لها.',
    ]);
    expectAbsent(doc.text, [
      'عربي ودولي',
      'ابحث في الموقع',
      'عرض خاص',
      'اشتباكات متقطعة',
      'آخر الأخبار',
      'افتتاح معرض الكتاب',
      'إعلان متحرك',
      'من نحن',
      '\u00a0',
    ]);
    expect(doc.published).toBe('2023-10-31T18:05:00+02:00');
    expect(doc.title).toBe('مجلس الأمن يمدد ولاية البعثة الأممية في ليبيا');
    expect(doc.source).toBe('أخبار النهار');
    expect(doc.url).toBe(url);
    expect(doc.id).toBe(stableId(url));
  });

  it('reads a <time datetime> date; without a URL the id hashes the text and the source is null', () => {
    const doc = htmlToDocument(page('article-time.html'));
    expect(doc.published).toBe('2023-05-20');
    expect(doc.title).toBe('اتفاق على وقف إطلاق النار في السودان');
    expect(doc.url).toBeNull();
    expect(doc.source).toBeNull();
    expect(doc.id).toBe(stableId(doc.text));
    expect(doc.text.split('\n')).toHaveLength(4);
    expect(doc.text.startsWith('أعلنت الوساطة السعودية الأمريكية، يوم السبت،')).toBe(true);
    expectAbsent(doc.text, ['الصفحة الأولى', 'الأرشيف', 'أرسل لصديق', 'طباعة']);
    expect(
      htmlToDocument(page('article-time.html'), { id: 'sudan-1', url: 'http://www.site.example/a' }),
    ).toMatchObject({ id: 'sudan-1', source: 'site.example', url: 'http://www.site.example/a' });
  });

  it('takes the host as source and the given URL when the page names neither', () => {
    const html = page('article-time.html');
    const doc = htmlToDocument(html, { url: 'https://www.sudan-news.example/n/1' });
    expect(doc.source).toBe('sudan-news.example');
    expect(doc.id).toBe(stableId('https://www.sudan-news.example/n/1'));
  });

  it('reads a short table-layout article with <br> paragraphs, leaving out the side box, poll and tools', () => {
    const doc = htmlToDocument(page('article-short-br.html'), { url: 'http://old-portal.example/n/77' });
    expect(doc.text).toBe(
      [
        'دعت جامعة الدول العربية، اليوم الأحد، إلى اجتماع طارئ لمجلس الجامعة على مستوى المندوبين الدائمين لبحث التطورات الأخيرة في المنطقة.',
        'وقال الأمين العام المساعد في تصريح للصحفيين إن الاجتماع سيعقد يوم الثلاثاء المقبل بمقر الأمانة العامة في القاهرة.',
        'وأضاف أن عدداً من الدول الأعضاء طلبت عقد الاجتماع، مؤكداً أن "الجامعة لن تتأخر عن القيام بدورها".',
      ].join('\n'),
    );
    expect(doc.title).toBe('الجامعة العربية تدعو إلى اجتماع طارئ');
    // a relative canonical link, resolved; no date metadata, so the date comes from the URL path
    expect(doc.url).toBe('http://old-portal.example/news/2022/08/07/arab-league-meeting.html');
    expect(doc.published).toBe('2022-08-07');
    expect(doc.source).toBe('old-portal.example');
  });

  it("reads a date written in the article date line, not the site header's date of today", () => {
    const body = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>الفقرة ${i + 1}: قال رئيس الوزراء العراقي في مؤتمر صحفي إن الحكومة ماضية في تنفيذ برنامجها الاقتصادي رغم الصعوبات.</p>`,
    ).join('');
    const html = (dateLine: string) => `<html><head><title>خبر</title></head><body>
      <div class="header-date">الأحد 29 تشرين الثاني 2026</div>
      <div class="post"><h1>رئيس الوزراء يتحدث عن الاقتصاد</h1><span class="post-date">${dateLine}</span>${body}</div>
      </body></html>`;
    expect(htmlToDocument(html('نشر في: الثلاثاء ٥ آذار (مارس) ٢٠٢٤ - 10:30')).published).toBe('2024-03-05');
    expect(htmlToDocument(html('آخر تحديث 31/10/2023')).published).toBe('2023-10-31');
    expect(htmlToDocument(html('12 كانون الثاني 2025')).published).toBe('2025-01-12');
    expect(htmlToDocument(html('منذ ساعتين')).published).toBeNull();
    // the date line stays out of the text
    expect(htmlToDocument(html('12 كانون الثاني 2025')).text).not.toContain('كانون');
  });

  it('keeps an article whose wrapper is named like furniture', () => {
    const menu = Array.from(
      { length: 60 },
      (_, i) => `<li><a href="/s/${i}">قسم الأخبار رقم ${i}</a></li>`,
    ).join('');
    const html = `<html><head><title>خبر</title></head><body><nav><ul>${menu}</ul></nav>
      <div class="content-with-sidebar"><div class="body">
      <p>أعلنت وزارة الخارجية العمانية أن مسقط ستستضيف جولة جديدة من المحادثات غير المباشرة الأسبوع المقبل.</p>
      <p>وقال متحدث باسم الوزارة إن الجولة تأتي استكمالاً للجولات السابقة التي عقدت في العاصمة العمانية.</p>
      </div><div class="sidebar"><a href="/x">رابط جانبي</a></div></div></body></html>`;
    const doc = htmlToDocument(html);
    expect(doc.text.split('\n')).toEqual([
      'أعلنت وزارة الخارجية العمانية أن مسقط ستستضيف جولة جديدة من المحادثات غير المباشرة الأسبوع المقبل.',
      'وقال متحدث باسم الوزارة إن الجولة تأتي استكمالاً للجولات السابقة التي عقدت في العاصمة العمانية.',
    ]);
  });

  it('keeps a <br>-separated article inside a wrapper named "print", beside teaser paragraphs and a long menu', () => {
    const teasers = Array.from(
      { length: 3 },
      (_, i) => `<p>ملخص خبر جانبي رقم ${i + 1} عن أسعار النفط.</p>`,
    ).join('');
    const menu = Array.from(
      { length: 80 },
      (_, i) => `<li><a href="/s/${i}">قسم الأخبار رقم ${i}</a></li>`,
    ).join('');
    const html = `<html><head><title>خبر</title></head><body><ul class="menu">${menu}</ul>
      <div class="side-news">${teasers}</div>
      <div id="print-area">
        أعلن الجيش اللبناني أنه نشر وحدات إضافية على الحدود الجنوبية بعد اشتباكات ليلية متقطعة.<br><br>
        وقال بيان للجيش إن الوحدات ستتولى حماية القرى الحدودية ومنع أي تسلل، داعياً السكان إلى التزام الهدوء.<br>
        وأضاف البيان أن التنسيق مستمر مع قوات الأمم المتحدة العاملة في الجنوب.
      </div></body></html>`;
    expect(htmlToDocument(html).text.split('\n')).toEqual([
      'أعلن الجيش اللبناني أنه نشر وحدات إضافية على الحدود الجنوبية بعد اشتباكات ليلية متقطعة.',
      'وقال بيان للجيش إن الوحدات ستتولى حماية القرى الحدودية ومنع أي تسلل، داعياً السكان إلى التزام الهدوء.',
      'وأضاف البيان أن التنسيق مستمر مع قوات الأمم المتحدة العاملة في الجنوب.',
    ]);
  });

  it('throws NO_ARTICLE_TEXT naming the input when a page holds no article', () => {
    const html = page('no-article.html');
    expect(() => htmlToDocument(html, { name: 'no-article.html' })).toThrow(RasadError);
    expect(() => htmlToDocument(html, { name: 'no-article.html' })).toThrow(
      /^no-article\.html: no article text/,
    );
    expect(() => htmlToDocument('', { url: 'https://x.example/empty' })).toThrow(
      /https:\/\/x\.example\/empty/,
    );
    let caught: unknown = null;
    try {
      htmlToDocument(html);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RasadError);
    expect((caught as RasadError).code).toBe('NO_ARTICLE_TEXT');
  });

  it('loads no resources and runs no scripts of the page', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('document.body.innerHTML = "<p>PWNED</p>";');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = page('article-time.html')
        .replace(
          '</head>',
          `<script src="${base}/x.js"></script><link rel="stylesheet" href="${base}/s.css">
         <script>document.getElementById('story-body').innerHTML = '<p>PWNED</p>';</script></head>`,
        )
        .replace(
          '<div id="story-body">',
          `<div id="story-body"><img src="${base}/i.png"><iframe src="${base}/f"></iframe>`,
        );
      const doc = htmlToDocument(html, { url: `${base}/article` });
      expect(doc.text).not.toContain('PWNED');
      expect(doc.text).toContain('أعلنت الوساطة');
      await new Promise((r) => setTimeout(r, 200));
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe('dateInText', () => {
  it('finds numeric and Arabic month-name dates', () => {
    expect(dateInText('الخميس 7 أيلول 2023')).toBe('2023-09-07');
    expect(dateInText('السبت ٢٠ مايو ٢٠٢٣')).toBe('2023-05-20');
    expect(dateInText('الموافق 3 رمضان 1445')).toBeNull();
    expect(dateInText('Posted 2021-06-30T10:00')).toBe('2021-06-30');
    expect(dateInText('رقم 12 من 2000 صفحة')).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('reads /YYYY/MM/DD/ paths only', () => {
    expect(dateFromUrl('https://x.example/2024/3/5/slug')).toBe('2024-03-05');
    expect(dateFromUrl('https://x.example/news/2022-08-07-slug')).toBe('2022-08-07');
    expect(dateFromUrl('https://x.example/2024/13/05/slug')).toBeNull();
    expect(dateFromUrl('https://x.example/id/20240305123')).toBeNull();
    expect(dateFromUrl(null)).toBeNull();
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T01:30:00+03:00', '2024-03-05T01:30:00+03:00'],
    ['2024-03-05T01:30+0300', '2024-03-05T01:30:00+03:00'],
    ['2024-03-05 01:30:15.123Z', '2024-03-05T01:30:15Z'],
    ['20240305', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['05/03/2024', '2024-03-05'],
    ['٢٠٢٣-٠٥-٢٠', '2023-05-20'],
    ['Tue, 05 Mar 2024 01:30:00 +0300', '2024-03-05T01:30:00+03:00'],
    ['Tue, 31 Oct 2023 16:05:00 GMT', '2023-10-31T16:05:00Z'],
    ['5 March 2024', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
  ])('%s → %s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it('returns null for unreadable dates', () => {
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate('2023-02-30')).toBeNull();
    expect(normalizeDate(null)).toBeNull();
    expect(normalizeDate('')).toBeNull();
    expect(normalizeDate('31/13/2024')).toBeNull();
    expect(normalizeDate('Tue, 05 Foo 2024')).toBeNull();
    // an impossible time keeps the day
    expect(normalizeDate('2024-03-05T25:00:00Z')).toBe('2024-03-05');
  });
});

describe('htmlFragmentToText', () => {
  it('turns feed HTML into lines, decoding entities and dropping scripts', () => {
    expect(htmlFragmentToText('<p>أ &amp; ب&nbsp;ج</p><script>x()</script><p>د<br>هـ</p>')).toBe(
      'أ & ب ج\nد\nهـ',
    );
    expect(htmlFragmentToText('  نص   بلا وسوم  ')).toBe('نص بلا وسوم');
  });
});
