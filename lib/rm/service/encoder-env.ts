import { env } from "../../env";
import { SentenceEncoder } from "../features/sentence-encoder";
import { deviceFromEnv } from "../onnx/session";

// The process's sentence encoder, loaded once from RM_TEXT_ENCODER (a local directory; nothing is
// ever downloaded). Without the variable, text reward models use hashed text features.

let loading: Promise<SentenceEncoder> | undefined;

/** The configured encoder, or null when RM_TEXT_ENCODER is not set. A broken directory throws, naming the file. */
export async function textEncoderFromEnv(): Promise<SentenceEncoder | null> {
  const dir = env().RM_TEXT_ENCODER;
  if (!dir) return null;
  // The encoder is the costly part of scoring a text: it runs where the reward model runs (RM_DEVICE).
  loading ??= SentenceEncoder.load(dir, { device: deviceFromEnv() }).then((encoder) => {
    const { hiddenSize, modelSha256 } = encoder.info;
    console.log(`[rm] sentence encoder from ${dir}: ${hiddenSize} dimensions, model ${modelSha256.slice(0, 12)}`);
    return encoder;
  });
  try {
    return await loading;
  } catch (error) {
    loading = undefined; // a fixed directory is picked up on the next call
    throw error;
  }
}
