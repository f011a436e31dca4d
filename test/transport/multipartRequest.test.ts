/**
 * A multipart write through the whole transport (File → Upload against the simulator): the same
 * bytes again only where nothing was applied (429), never after a 5xx, never to a redirect, and
 * signed like any other call over the Central API Router.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { API, run, runFailing } from '../helpers/actionKit';
import { routerCredentials, startStore, type Simulator } from '../helpers/fixtures';
import { runNode } from '../helpers/n8n';
import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { uploadedFiles } from '../simulator/uploads';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore();
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.clearRequests());

const BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
const input = (name: string): INodeExecutionData[] => [
	{
		json: {},
		binary: { data: { data: BYTES.toString('base64'), mimeType: 'image/png', fileName: name } },
	},
];
const upload = (destination: string) => ({ resource: 'file', operation: 'upload', destination });
const uploads = () => sim.requests.filter((request) => request.path === `${API}/upload`);

describe('multipart writes through the transport', () => {
	it('a 429 (not applied) is waited out and the identical bytes sent again', async () => {
		sim.scriptFaults([{ match: { path: /\/upload$/ }, status: 429, retryAfter: '0' }]);
		await run(sim, upload('/shared/images/rl.png'), { inputItems: input('rl.png') });
		const [first, second] = uploads();
		expect(uploads()).toHaveLength(2);
		expect(second.body).toEqual(first.body);
		expect(second.headers['content-type']).toBe(first.headers['content-type']);
		expect(uploadedFiles(sim.store).get('/shared/images/rl.png')?.content.equals(BYTES)).toBe(true);
	});

	it('a 5xx is not repeated: the upload may have been applied', async () => {
		sim.scriptFaults([{ match: { path: /\/upload$/ }, status: 503 }]);
		const error = await runFailing(sim, upload('/shared/images/5xx.png'), {
			inputItems: input('a.png'),
		});
		expect(error.httpCode).toBe('503');
		expect(uploads()).toHaveLength(1);
	});

	it('a redirect is refused, not followed with the file and the token', async () => {
		sim.scriptFaults([
			{
				match: { path: /\/upload$/ },
				respond: { status: 307, headers: { Location: 'https://elsewhere.example/upload' } },
			},
		]);
		const error = await runFailing(sim, upload('/shared/images/redirect.png'), {
			inputItems: input('a.png'),
		});
		expect(error.message).toMatch(/redirect \(307\) to https:\/\/elsewhere\.example/);
		expect(uploads()).toHaveLength(1);
	});

	it('over the Central API Router the upload is signed like any call and arrives intact', async () => {
		await runNode(new CartCom(), {
			parameters: { authentication: 'centralApiRouter', ...upload('/shared/images/router.png') },
			credentials: routerCredentials(sim),
			inputItems: input('router.png'),
		});
		expect(uploads()[0].status).toBe(204);
		expect(uploadedFiles(sim.store).get('/shared/images/router.png')?.content.equals(BYTES)).toBe(
			true,
		);
	});
});
