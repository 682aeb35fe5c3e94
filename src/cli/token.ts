// npm run token -- --role ADMIN | ALLIANCE_MANAGER | PARTNER [--partner ID] [--sub NAME] [--expires 12h]
// Mints an HS256 token with the configured (or locally generated) JWT secret. A lifetime longer
// than JWT_MAX_LIFETIME is refused here, since the server would refuse the token.
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_LIFETIME_SECONDS, mintToken, tokenLifetimeSeconds } from '../auth/tokens.js';
import { ConfigError, loadConfig } from '../config.js';
import { prepareLocalAuth } from '../local-run.js';
import { runCommand, UsageError } from './run-command.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      partner: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const role = values.role;
  if (role !== 'ADMIN' && role !== 'ALLIANCE_MANAGER' && role !== 'PARTNER')
    throw new UsageError('--role must be ADMIN, ALLIANCE_MANAGER or PARTNER');
  if (role === 'PARTNER' && !values.partner) throw new UsageError('--role PARTNER needs --partner ID');
  const auth = prepareLocalAuth(loadConfig().auth);
  if (!auth.secret) throw new ConfigError('No HS256 secret configured (JWT_SECRET); RS256 tokens are minted by your identity provider');
  const token = await mintToken({
    secret: auth.secret,
    role,
    partnerId: role === 'PARTNER' ? values.partner : undefined,
    subject: values.sub ?? (role === 'PARTNER' ? `partner:${values.partner}` : role.toLowerCase()),
    expiresIn: values.expires ?? '12h',
  });
  const maxLifetime = auth.bounds?.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  if (tokenLifetimeSeconds(token) > maxLifetime)
    throw new UsageError(`--expires ${values.expires} is longer than JWT_MAX_LIFETIME (${maxLifetime} s)`);
  process.stdout.write(token + '\n');
}

runCommand(async () => {
  await main();
  return 0;
});
