import { z } from "zod";

/** One line of a question file (see shared eval README). */
export const evalQuestionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  type: z.string().optional(),
  docs: z.array(z.string()).default([]),
  quotes: z.array(z.string()).default([]),
  facts: z.array(z.string()).default([]),
  answer: z.string().optional(),
  /** Id of the group in whose channel the question is asked (file name in `groups/` without `.yaml`). */
  group: z.string().min(1).optional(),
  /** The moment of asking, ISO 8601 with offset; the calendar is read relative to it. */
  now: z.iso
    .datetime({ offset: true, error: "now ska vara en ISO-tid med tidszon, t.ex. 2027-03-01T10:00:00+01:00" })
    .optional(),
  /** Earlier questions of the same thread, oldest first; each is answered before this one. */
  history: z.array(z.object({ question: z.string().min(1) })).optional(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** One line of the eval output file; the format other tools rely on. */
export interface EvalResultLine {
  id: string;
  answer: string;
  abstained: boolean;
  citations: { doc: string; title: string; section: string | null; page: number | null; text: string }[];
  retrieved: { doc: string; text: string; score: number }[];
  latency_ms: number;
}

/** Aggregate metrics, as defined in the shared eval README. */
export interface EvalMetrics {
  questions: number;
  answerable: number;
  "hit@1": number;
  "hit@5": number;
  "mrr@10": number;
  fact_recall: number;
  answer_correct: number;
  citation_hit: number;
  citation_precision: number;
  abstain_accuracy: number;
  over_abstain: number;
  latency_p50_ms: number;
  latency_p95_ms: number;
}
