/** Small seeded PRNG (mulberry32) so seed data and random faults are reproducible. */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max] inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** `count` distinct items, in their original order. */
	sample<T>(items: readonly T[], count: number): T[] {
		const wanted = Math.min(count, items.length);
		const chosen = new Set<number>();
		if (wanted * 4 < items.length) {
			// Few out of many: rejection sampling avoids shuffling a large array per call.
			while (chosen.size < wanted) chosen.add(Math.floor(this.next() * items.length));
		} else {
			const indexes = items.map((_, index) => index);
			for (let i = indexes.length - 1; i > 0; i--) {
				const j = Math.floor(this.next() * (i + 1));
				[indexes[i], indexes[j]] = [indexes[j], indexes[i]];
			}
			for (const index of indexes.slice(0, wanted)) chosen.add(index);
		}
		return [...chosen].sort((a, b) => a - b).map((index) => items[index]);
	}

	/** Money amount with two decimals in [min, max]. */
	money(min: number, max: number): number {
		return Math.round((min + this.next() * (max - min)) * 100) / 100;
	}
}
