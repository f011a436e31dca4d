#!/usr/bin/env node
// The n8n credentials the examples use (fixed ids, so imported workflows link to them), pointing at
// the local simulators. `data` is a JSON object, which `n8n import:credentials` encrypts.
//
// CLI:  node scripts/demo/simulator-credentials.js <simulatorUrl> <out.json> [<cartRoverSimulatorUrl>]
//       e.g. node scripts/demo/simulator-credentials.js http://127.0.0.1:4010 /tmp/creds.json http://127.0.0.1:4011
// The store simulator's defaults: token "sim-token", router user "sim-user" / secret "sim-secret", site
// id "1"; the CartRover simulator's Cart-level keys: "cart-user" / "cart-key".
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

const CARTROVER_CREDENTIAL = {
	id: 'cartroverCartCrd',
	name: 'CartRover simulator (Cart API)',
	type: 'cartRoverApi',
};

function cartRoverCredential(cartRoverUrl) {
	return {
		...CARTROVER_CREDENTIAL,
		data: {
			apiUser: 'cart-user',
			apiKey: 'cart-key',
			apiLevel: 'cart',
			apiUrl: cartRoverUrl.replace(/\/+$/, ''),
		},
	};
}

function simulatorCredentials(simulatorUrl, secrets = {}, cartRoverUrl = undefined) {
	const url = simulatorUrl.replace(/\/+$/, '');
	const cartRover = cartRoverUrl ? [cartRoverCredential(cartRoverUrl)] : [];
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
		...cartRover,
	];
}

module.exports = {
	TOKEN_CREDENTIAL,
	ROUTER_CREDENTIAL,
	CARTROVER_CREDENTIAL,
	simulatorCredentials,
};

if (require.main === module) {
	const [url, out, cartRoverUrl] = process.argv.slice(2);
	if (!url || !out) {
		console.error(
			'usage: simulator-credentials.js <simulatorUrl> <out.json> [<cartRoverSimulatorUrl>]',
		);
		process.exit(2);
	}
	fs.writeFileSync(
		out,
		JSON.stringify(simulatorCredentials(url, {}, cartRoverUrl), null, 2) + '\n',
	);
}
