// Every GOV.UK table's body cells carry their column's heading, so the table stacks on a phone with
// each value named (app.css); cells already labelled, tables without headings and other tables are left.
import { labelTableCells } from '../../src/platform/views/table-labels';

const table = `<table class="govuk-table"><caption class="govuk-table__caption">Users</caption>
<thead class="govuk-table__head"><tr><th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Role <span class="govuk-visually-hidden">(what they may do)</span></th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th></tr></thead>
<tbody class="govuk-table__body"><tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Ada &amp; Co</th>
<td class="govuk-table__cell">Administrator</td><td class="govuk-table__cell"><a href="/x">Change</a></td></tr>
<tr><td data-label="Own">Sam</td><td>Social worker</td><td></td></tr></tbody></table>`;

it('labels each body cell with its column heading, in order', () => {
  const html = labelTableCells(`<p>before</p>${table}<p>after</p>`);
  expect(html).toContain('<th scope="row" class="govuk-table__header" data-label="Name">Ada &amp; Co</th>');
  expect(html).toContain('<td class="govuk-table__cell" data-label="Role">Administrator</td>');
  // A heading that is only visually hidden gives no label; a cell's own label stays.
  expect(html).toContain('<td class="govuk-table__cell"><a href="/x">Change</a></td>');
  expect(html).toContain('<td data-label="Own">Sam</td><td data-label="Role">Social worker</td>');
  expect(html).toContain('<p>before</p>');
});

it('leaves tables without headings, other tables and headings themselves alone', () => {
  const bare = '<table class="govuk-table"><tbody><tr><td>1</td></tr></tbody></table>';
  expect(labelTableCells(bare)).toBe(bare);
  const other = '<table class="layout"><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>';
  expect(labelTableCells(other)).toBe(other);
  expect(labelTableCells(table)).toContain('<th scope="col" class="govuk-table__header">Name</th>');
});

it('escapes a quote in a heading', () => {
  const html = labelTableCells(
    '<table class="govuk-table"><thead><tr><th>Say "hi"</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
  );
  expect(html).toContain('<td data-label="Say &quot;hi&quot;">1</td>');
});
