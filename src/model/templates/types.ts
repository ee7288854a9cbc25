// A template in the gallery: a whole Dockerfile to start from.

export interface Template {
  id: string;
  /** seed: an example from the course texts, as written; corrected: its fixed version; starter: a sound starting point. */
  kind: 'seed' | 'corrected' | 'starter';
  title: string;
  description: string;
  text: string;
  /** For seeds: the seed file and how the example sits in it (a ``` block, `>>> ` lines, or plain text). */
  source?: { file: string; form: 'fenced' | 'prompt' | 'text' };
  /** For seeds: the problem codes the app must show for it. */
  mistakes?: string[];
  /** For a flawed seed: the id of its corrected version. */
  correctedBy?: string | null;
  /** For a corrected version: the id of the seed it corrects. */
  corrects?: string;
}
