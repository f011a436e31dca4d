// n8n's own community-node lint setup (eslint-plugin-n8n-nodes-base + @n8n/eslint-plugin-community-nodes),
// unchanged, so `npm run lint` applies exactly the rules the n8n verification scanner applies.
import { config } from '@n8n/node-cli/eslint';

export default config;
