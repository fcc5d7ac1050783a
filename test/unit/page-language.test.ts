// Which language a page is in, Welsh plural forms, and an authority's overriding catalogue.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Catalogues } from '../../src/platform/i18n/catalogue';
import { offersSwitch, resolveLanguage } from '../../src/platform/i18n/request-language';
import { localesDir } from '../../src/platform/i18n/shipped';

describe('the language of a page', () => {
  it.each([
    [{ chosen: 'cy', cookie: 'en', user: 'en', authority: 'english_only' }, 'cy'],
    [{ cookie: 'cy', user: 'en', authority: 'english_only' }, 'cy'],
    [{ cookie: 'fr', user: 'cy', authority: 'english_only' }, 'cy'],
    [{ user: 'en', authority: 'welsh_first' }, 'en'],
    [{ authority: 'welsh_first' }, 'cy'],
    [{ authority: 'english_first' }, 'en'],
    [{}, 'en'],
  ] as const)('%j gives %s', (sources, lang) => {
    expect(resolveLanguage(sources)).toBe(lang);
  });

  it('offers the switch where Welsh is offered, before sign-in, and whenever Welsh shows', () => {
    expect(offersSwitch('en', true, 'english_only')).toBe(false);
    expect(offersSwitch('en', true, 'english_first')).toBe(true);
    expect(offersSwitch('en', false, undefined)).toBe(true);
    expect(offersSwitch('cy', true, 'english_only')).toBe(true);
  });
});

describe('the catalogues', () => {
  const shipped = new Catalogues(localesDir());

  it('picks the Welsh plural form for each count', () => {
    const { t } = shipped.translator('cy');
    expect([1, 2, 3, 6, 7].map((count) => t('duration.days', { count }))).toEqual([
      '1 diwrnod',
      '2 ddiwrnod',
      '3 diwrnod',
      '6 diwrnod',
      '7 diwrnod',
    ]);
    expect(shipped.translator('en').t('duration.days', { count: 1 })).toBe('1 day');
  });

  it('shows validation messages built from parts in Welsh, and unknown ones as written', () => {
    const { sentence } = shipped.translator('cy');
    expect(sentence('Enter the day you found the child was missing')).toBe(
      'Rhowch y diwrnod pan sylwoch chi fod y plentyn ar goll',
    );
    expect(sentence('Something nobody catalogued')).toBe('Something nobody catalogued');
  });

  it('prefers the pattern whose every part is catalogued when several match', () => {
    const { sentence } = shipped.translator('cy');
    // "Enter the {part} {what}" matches too (part "carer’s", what "name"), but only "Enter {what}" knows its part.
    expect(sentence('Enter the carer’s name')).toBe("Rhowch enw'r gofalwr");
    expect(sentence('Enter the day the placement started')).toBe('Rhowch y diwrnod y dechreuodd y lleoliad');
    expect(sentence('Phone line 2 must start with a phone number, like 07700 900101, Samsung')).toBe(
      'Rhaid i linell ffôn 2 ddechrau gyda rhif ffôn, fel 07700 900101, Samsung',
    );
    // A part nobody catalogued (an episode's reference) is kept as written inside the Welsh.
    expect(sentence('No return is recorded in episode MX-1, so there is none to undo.')).toBe(
      "Nid oes dychwelyd wedi'i gofnodi yn achos MX-1, felly nid oes dim i'w ddadwneud.",
    );
  });

  it("lets an authority's file replace single messages", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'catalogue-'));
    writeFileSync(path.join(dir, 'cy.json'), JSON.stringify({ 'signIn.title': 'Mewngofnodwch' }));
    const local = new Catalogues(localesDir(), dir);
    expect(local.translator('cy').t('signIn.title')).toBe('Mewngofnodwch');
    expect(local.translator('cy').t('signIn.password')).toBe('Cyfrinair');
    expect(local.translator('en').t('signIn.title')).toBe('Sign in');
  });
});
