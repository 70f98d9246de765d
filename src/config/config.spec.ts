import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.embeddedDbDir).toBe('.data/pg');
    expect(config.embeddedDbPort).toBe(0);
    expect(config.bootstrapAdminUsername).toBe('admin');
    expect(config.jwtSecretGenerated).toBe(true);
    expect(config.jwtExpiresInSeconds).toBe(3600);
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('JWT_SECRET');
    }
  });

  it('keeps a configured secret and port', () => {
    const config = loadConfig({ PORT: '8080', JWT_SECRET: 'x'.repeat(40) });
    expect(config.port).toBe(8080);
    expect(config.jwtSecretGenerated).toBe(false);
  });
});
