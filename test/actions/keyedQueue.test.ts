/**
 * helpers/keyedQueue.ts: one task at a time per key (Product → Create or Update per SKU and option
 * group, Order → Create Shipment per order), and a failed task neither blocks nor fails the next.
 */
import { KeyedQueue } from '../../nodes/CartCom/helpers/keyedQueue';

/** A task that finishes when the test says so, recording when it ran. */
function gate(log: string[], name: string) {
	let open!: () => void;
	let fail!: (error: Error) => void;
	const done = new Promise<string>((resolve, reject) => {
		open = () => resolve(name);
		fail = reject;
	});
	const task = async () => {
		log.push(`start ${name}`);
		return await done;
	};
	return { task, open, fail };
}

const settle = async () => await new Promise((resolve) => setImmediate(resolve));

describe('KeyedQueue', () => {
	it('runs tasks on one key one after the other, in order', async () => {
		const log: string[] = [];
		const queue = new KeyedQueue();
		const first = gate(log, 'a1');
		const second = gate(log, 'a2');
		const results = [queue.run('a', first.task), queue.run('a', second.task)];
		await settle();
		expect(log).toEqual(['start a1']);
		first.open();
		await settle();
		expect(log).toEqual(['start a1', 'start a2']);
		second.open();
		expect(await Promise.all(results)).toEqual(['a1', 'a2']);
	});

	it('runs tasks on different keys alongside', async () => {
		const log: string[] = [];
		const queue = new KeyedQueue<number>();
		const one = gate(log, '1');
		const two = gate(log, '2');
		const results = [queue.run(1, one.task), queue.run(2, two.task)];
		await settle();
		expect(log).toEqual(['start 1', 'start 2']);
		two.open();
		one.open();
		expect(await Promise.all(results)).toEqual(['1', '2']);
	});

	it('a failed task fails its own caller only: the next task on the key runs and succeeds', async () => {
		const log: string[] = [];
		const queue = new KeyedQueue();
		const failing = gate(log, 'bad');
		const next = gate(log, 'next');
		const failed = queue.run('sku', failing.task);
		const following = queue.run('sku', next.task);
		failing.fail(new Error('store said no'));
		await expect(failed).rejects.toThrow('store said no');
		await settle();
		expect(log).toEqual(['start bad', 'start next']);
		next.open();
		await expect(following).resolves.toBe('next');
	});

	it('forgets a key once its last task has settled, failed or not', async () => {
		const queue = new KeyedQueue();
		const log: string[] = [];
		const first = gate(log, 'a1');
		const second = gate(log, 'a2');
		const other = gate(log, 'b1');
		const results = [
			queue.run('a', first.task),
			queue.run('a', second.task),
			queue.run('b', other.task).catch((error: Error) => error.message),
		];
		expect(queue.size).toBe(2);
		first.open();
		await settle();
		expect(queue.size).toBe(2); // a2 still runs on "a"
		other.fail(new Error('b failed'));
		second.open();
		expect(await Promise.all(results)).toEqual(['a1', 'a2', 'b failed']);
		await settle();
		expect(queue.size).toBe(0);
	});
});
