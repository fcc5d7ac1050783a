// Browser test files share one running service, so they run one at a time in a fixed (alphabetical)
// order: the order on a developer's machine is then the order in CI, whatever jest's timing cache holds.
const Sequencer = require('@jest/test-sequencer').default;

class AlphabeticalSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => a.path.localeCompare(b.path));
  }
}

module.exports = AlphabeticalSequencer;
