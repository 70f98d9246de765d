import { describeChanges } from './changes';

describe('describeChanges', () => {
  it('keeps values of safe fields and only names the others', () => {
    const changes = describeChanges(
      { role: 'inspector', displayName: 'Sokha Chan', active: true },
      { role: 'admin', displayName: 'Sokha Chea', active: true },
      ['role', 'active'],
    );
    expect(changes).toEqual({ role: { from: 'inspector', to: 'admin' }, displayName: 'changed' });
    expect(JSON.stringify(changes)).not.toContain('Sokha');
  });
});
