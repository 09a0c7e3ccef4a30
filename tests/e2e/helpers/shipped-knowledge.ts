// Facts about the shipped knowledge folder that the chat tests ask about.

/** The title of HälSam's internal document, which only HälSam's channels and members may see. */
export const HALSAM_TITLE = "Samverkansstruktur HälSam";
/** A question answered from HälSam's internal document. */
export const HALSAM_QUESTION = "Vilka ingår i politisk samverkan inom HälSam?";
/** A question answered from Laholm's public agreement ("kommunstyrelsens ordförande"). */
export const LAHOLM_QUESTION = "Vem kallar till samverkansberedningens möten i Laholm?";
/** The file of Laholm's public agreement. */
export const LAHOLM_DOCUMENT = "laholm-samverkansoverenskommelse.md";
