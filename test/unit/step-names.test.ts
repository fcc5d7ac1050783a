// People's names for steps, recipients and delays: no step key or delay in minutes reaches a page.
import { minutesInWords, recipientName, stepName, withStepNames } from '../../src/escalation/step-names';

it.each([
  ['report_police', undefined, 'Police control room told'],
  ['report_police#0', undefined, 'Police control room told'],
  ['report_police#2', undefined, 'Police control room told (reminder 2)'],
  ['report_police_next', undefined, 'Missing persons unit told (police control room did not acknowledge)'],
  ['plus_48h', 1, 'CEOP and senior manager told (missing 48 hours) (reminder 1)'],
  ['our_own_step', undefined, 'Our own step'],
])('names step %s (repeat %s) "%s"', (key, repeat, name) => {
  expect(stepName(key, repeat)).toBe(name);
});

it.each([
  [0, 'at once'],
  [30, '30 minutes'],
  [60, '1 hour'],
  [90, '1 hour 30 minutes'],
  [1440, '24 hours'],
  [2880, '48 hours'],
  [10_080, '7 days'],
])('says %s minutes as "%s"', (minutes, words) => {
  expect(minutesInWords(minutes)).toBe(words);
});

it('names recipients by who they are', () => {
  expect(recipientName('police_control_room')).toBe('Police control room');
  expect(recipientName('ictg')).toBe('Independent child trafficking guardian');
  expect(recipientName('host_police')).toBe('Police force where the child lives');
  expect(recipientName('senior_manager')).toBe('Senior manager');
});

it('rewrites the ladder timeline lines, and nothing else that merely says "step"', () => {
  expect(withStepNames('Step plus_24h fired. Due 0.5 hours after the report.')).toBe(
    'Step “Head of service told (missing 24 hours)” fired. Due 30 minutes after the report.',
  );
  expect(withStepNames('Condition not met: this step needs 3.')).toBe('Condition not met: this step needs 3.');
});
