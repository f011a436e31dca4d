import type { ResourceSpec } from './types';

/** `order_status_id` → `orderStatusId`: n8n parameter names are camelCase, Cart.com fields snake_case. */
export const toCamelCase = (snake: string) =>
	snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Abbreviations written in capitals in display names and texts, by their lower-case spelling. */
const ACRONYMS: Readonly<Record<string, string>> = Object.fromEntries(
	[
		'id',
		'url',
		'sku',
		'gtin',
		'upc',
		'ip',
		'cvv',
		'hs',
		'eta',
		'ppc',
		'mpn',
		'api',
		'seo',
		'html',
		'sms',
	]
		.flatMap((word) => [
			[word, word.toUpperCase()],
			[`${word}s`, `${word.toUpperCase()}s`],
		])
		.filter(([word]) => word !== 'hss' && word !== 'smss'),
);

/**
 * Words n8n's Title Case keeps lower-case inside a display name ("Number of Packages", but "Paid
 * At"): the small words of the title-case package its lint uses, first and last word excepted.
 */
const SMALL_WORDS = new Set([
	'a',
	'an',
	'and',
	'as',
	'at',
	'but',
	'by',
	'for',
	'if',
	'in',
	'nor',
	'of',
	'on',
	'or',
	'per',
	'the',
	'to',
	'via',
	'vs',
	'with',
]);

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** One word of a display name: acronyms in capitals (`IDs`), small words lower-case inside. */
function titleWord(word: string, index: number, words: string[]): string {
	const lower = word.toLowerCase();
	if (ACRONYMS[lower]) return ACRONYMS[lower];
	if (index > 0 && index < words.length - 1 && SMALL_WORDS.has(lower)) return lower;
	return capitalize(lower);
}

/** `order_status_id` → `Order Status ID`, `number_of_packages` → `Number of Packages`. */
export function toTitle(snake: string): string {
	return snake.split('_').filter(Boolean).map(titleWord).join(' ');
}

/** Letters read one by one whose name starts with a vowel sound (F = "eff", S = "ess", …). */
const VOWEL_SOUND_LETTERS = new Set('AEFHILMNORSX'.split(''));
/** Words spelt with a vowel that start with a consonant sound ("a user", "a unique", "a one-off"). */
const CONSONANT_SOUND = /^(uni|use|usu|ura|ure|uti|eu|one\b|once\b)/i;
/** Words spelt with a consonant that start with a vowel sound ("an hour"). */
const VOWEL_SOUND = /^(hour|honest|honou?r|heir)/i;

/** "a" or "an" for the word that follows, by its sound: an order, an address, a URL, an SKU, a user. */
export function articleFor(phrase: string): 'a' | 'an' {
	const word = phrase.trim().split(/[\s-]/)[0] ?? '';
	if (word.length > 1 && word === word.toUpperCase() && /^[A-Z]+s?$/.test(word))
		return VOWEL_SOUND_LETTERS.has(word[0]) ? 'an' : 'a';
	if (VOWEL_SOUND.test(word)) return 'an';
	if (CONSONANT_SOUND.test(word)) return 'a';
	return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** `order` → `an order`. */
export const withArticle = (phrase: string) => `${articleFor(phrase)} ${phrase}`;

/**
 * How action texts name one record of a resource, in lower case with acronyms kept (`blacklisted IP`);
 * `actionNoun` when the resource defines something other records use (an order status definition).
 */
export function recordNoun(spec: Pick<ResourceSpec, 'name' | 'actionNoun'>): string {
	if (spec.actionNoun) return spec.actionNoun;
	return spec.name
		.split(' ')
		.map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()))
		.join(' ');
}
