/**
 * The shape of the tree, enforced (npm run lint): no cycles, shared pieces that know no feature,
 * domain rules free of any framework, and features that lean only on those below them.
 */
const FRAMEWORKS = '^node_modules/(@nestjs|typeorm|class-validator|class-transformer|fastify|@fastify|pg|passport|rxjs)';
const PURE_COMMON = '^src/common/(state-machine|time|errors)/|^src/common/auth/roles\\.ts$|^src/common/database/sql\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No arrow runs back up: modules form a tree.', from: {}, to: { circular: true } },
    {
      name: 'common-knows-no-feature',
      severity: 'error',
      comment: 'src/common holds the few shared pieces; it imports no feature (entities and migrations are found by file name).',
      from: { path: '^src/common/' },
      to: { path: '^(src/(?!common/)|migrations/)' },
    },
    {
      name: 'children-know-no-episodes',
      severity: 'error',
      comment: 'A child record knows nothing of care episodes; episodes (and the lists across both) build on children.',
      from: { path: '^src/children/' },
      to: { path: '^src/care-episodes/' },
    },
    {
      name: 'registry-knows-no-dependants',
      severity: 'error',
      comment: 'Facilities are the base of the registry: MoUs, inspections and episodes read them, and provide what facilities read of them through ports.',
      from: { path: '^src/facilities/' },
      to: { path: '^src/(mous|inspections|corrective-actions|care-episodes|children|figures)/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ folders hold rules as plain code: no framework, no database, no HTTP.',
      from: { path: '/domain/' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment: 'A domain folder leans only on other domain folders and the pure shared pieces.',
      from: { path: '^src/.+/domain/' },
      to: { path: '^src/', pathNot: `/domain/|${PURE_COMMON}` },
    },
    {
      name: 'migrations-are-frozen',
      severity: 'error',
      comment: 'An applied migration must not change when the code does: it imports nothing of src.',
      from: { path: '^migrations/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
