import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_URI).toBeUndefined();
  });

  it('names every bad variable and its value', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', MAX_PAGE_SIZE: '0', NEO4J_URI: 'http://x' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT="eighty": must be a whole number/);
    expect(attempt).toThrow(/MAX_PAGE_SIZE="0": must be at least 1/);
    expect(attempt).toThrow(/NEO4J_URI="http:\/\/x": must be a neo4j:\/\/ or bolt:\/\/ URI/);
  });

  it('requires a password with a Neo4j URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' })).toThrow(/NEO4J_PASSWORD: required/);
  });
});
