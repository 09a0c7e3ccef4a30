// Cardinal number words in the forms a question or a document spells them. "en"/"ett" are left
// out: they are far more often articles than numbers. Ordinals ("fjärde") are left out too:
// "andra" mostly means "other", and "första/andra stycket" in statutes would collide with
// paragraph numbers; ordinals written with digits ("4:e") already become digits in tokenisation.
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map([
  ["noll", "0"],
  ["två", "2"],
  ["tre", "3"],
  ["fyra", "4"],
  ["fem", "5"],
  ["sex", "6"],
  ["sju", "7"],
  ["åtta", "8"],
  ["nio", "9"],
  ["tio", "10"],
  ["elva", "11"],
  ["tolv", "12"],
  ["tretton", "13"],
  ["fjorton", "14"],
  ["femton", "15"],
  ["sexton", "16"],
  ["sjutton", "17"],
  ["arton", "18"],
  ["aderton", "18"],
  ["nitton", "19"],
  ["tjugo", "20"],
  ["trettio", "30"],
  ["fyrtio", "40"],
  ["femtio", "50"],
  ["sextio", "60"],
  ["sjuttio", "70"],
  ["åttio", "80"],
  ["nittio", "90"],
  ["hundra", "100"],
  ["tusen", "1000"],
]);

/** The digits for a Swedish cardinal ("fyra" -> "4", "Tolv" -> "12"), or undefined. */
export function numberWordToDigits(word: string): string | undefined {
  return NUMBER_WORDS.get(word) ?? NUMBER_WORDS.get(word.toLowerCase());
}
