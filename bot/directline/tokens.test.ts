import { describe, expect, it } from 'vitest';
import { bearer, newWebUserId, TokenIssuer } from './tokens.ts';

describe('Direct Line tokens', () => {
  const claims = { conv: 'dl-1', user: 'u-1', name: '小王', locale: 'zh-CN' };

  it('round-trips the binding and rejects tampering, other secrets and expiry', () => {
    let now = 1_000_000_000_000;
    const issuer = new TokenIssuer(Buffer.from('secret-a'), 60, () => now);
    const { token, expiresIn } = issuer.issue(claims);
    expect(expiresIn).toBe(60);
    expect(issuer.check(token)).toMatchObject({ ok: true, claims });
    const [head, payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, conv: 'dl-2', exp: 9e9 })).toString('base64url');
    expect(issuer.check(`${head}.${forged}.${sig}`)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(new TokenIssuer(Buffer.from('secret-b'), 60, () => now).check(token)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(issuer.check(`${head}.${payload}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(issuer.check(undefined)).toEqual({ ok: false, reason: 'missing' });
    now += 61_000;
    expect(issuer.check(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('signs web identities so only ids this server issued come back', () => {
    const issuer = new TokenIssuer(Buffer.from('secret-a'), 60);
    const id = newWebUserId();
    const identity = issuer.issueIdentity(id);
    expect(issuer.checkIdentity(identity)).toBe(id);
    expect(new TokenIssuer(Buffer.from('secret-b'), 60).checkIdentity(identity)).toBeUndefined();
    const [, , sig] = identity.split('.');
    const teams = Buffer.from(JSON.stringify({ u: '29:teams-user', exp: 9e9 })).toString('base64url');
    expect(issuer.checkIdentity(`wid2.${teams}.${sig}`)).toBeUndefined();
    // A conversation token's payload and signature are not an identity.
    const [, payload, tokenSig] = issuer.issue(claims).token.split('.');
    expect(issuer.checkIdentity(`wid2.${payload}.${tokenSig}`)).toBeUndefined();
  });

  it('reads bearer tokens from the Authorization header', () => {
    expect(bearer('Bearer abc.def')).toBe('abc.def');
    expect(bearer('bearer   x')).toBe('x');
    expect(bearer('Basic abc')).toBeUndefined();
    expect(bearer(undefined)).toBeUndefined();
  });
});
