// Who texted is read in one prepared statement with the child's columns named; the children it gives
// must be exactly what TypeORM's own find gives (dates of birth as text, arrays, timestamps), as the
// rest of the text's handling was written against those.
import { In } from 'typeorm';

import { Child } from '../../src/children/child.entity';
import { TextingCarersRepository } from '../../src/sms/texting-carers.repository';
import { buildTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const repo = new TextingCarersRepository();

it("gives a two-child carer's children as TypeORM would, and their authority's language", async () => {
  const { language, children } = await repo.whoTexted(app.db.dataSource.manager, '+447700900102');
  expect(children.map((c) => c.reference).sort()).toEqual(['H9PX', 'M4RT']);
  const found = await app.db.dataSource.manager.find(Child, { where: { id: In(children.map((c) => c.id)) } });
  const byId = (list: Child[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId(children)).toEqual(byId(found));
  expect(typeof children[0].dateOfBirth).toBe('string');
  expect(language).toEqual({ carer: null, authority: 'english_only' });
});

it('knows nothing of a number that is no current carer', async () => {
  expect(await repo.whoTexted(app.db.dataSource.manager, '+447700900999')).toEqual({ language: null, children: [] });
});
