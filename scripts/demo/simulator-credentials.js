#!/usr/bin/env node
// The two n8n credentials the examples use (fixed ids, so imported workflows link to them), pointing
// at a local store simulator. `data` is a JSON object, which `n8n import:credentials` encrypts.
//
// CLI:  node scripts/demo/simulator-credentials.js <simulatorUrl> <out.json>
//       e.g. node scripts/demo/simulator-credentials.js http://127.0.0.1:4010 /tmp/creds.json
// The simulator's defaults: token "sim-token", router user "sim-user" / secret "sim-secret", site id "1".
'use strict';
const fs = require('node:fs');

const TOKEN_CREDENTIAL = {
	id: 'cartcomTokenCred',
	name: 'Cart.com simulator (token)',
	type: 'cartComApi',
};
const ROUTER_CREDENTIAL = {
	id: 'cartcomRouterCrd',
	name: 'Cart.com simulator (Central API Router)',
	type: 'cartComRouterApi',
};

function simulatorCredentials(simulatorUrl, secrets = {}) {
	const url = simulatorUrl.replace(/\/+$/, '');
	return [
		{
			...TOKEN_CREDENTIAL,
			data: { storeDomain: url, accessToken: secrets.accessToken || 'sim-token' },
		},
		{
			...ROUTER_CREDENTIAL,
			data: {
				userName: secrets.userName || 'sim-user',
				userSecret: secrets.userSecret || 'sim-secret',
				siteId: secrets.siteId || '1',
				routerUrl: `${url}/api/v1/`,
			},
		},
	];
}

module.exports = { TOKEN_CREDENTIAL, ROUTER_CREDENTIAL, simulatorCredentials };

if (require.main === module) {
	const [url, out] = process.argv.slice(2);
	if (!url || !out) {
		console.error('usage: simulator-credentials.js <simulatorUrl> <out.json>');
		process.exit(2);
	}
	fs.writeFileSync(out, JSON.stringify(simulatorCredentials(url), null, 2) + '\n');
}
