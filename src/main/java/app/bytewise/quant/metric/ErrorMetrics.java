package app.bytewise.quant.metric;

/**
 * How far a reconstruction is from the original, all computed in double precision.
 *
 * @param sqnrDb signal-to-quantization-noise ratio, 10·log10(Σx² / Σ(x − x̂)²); +∞ when exact
 * @param relativeFrobeniusError ‖x − x̂‖ / ‖x‖
 */
public record ErrorMetrics(double mse, double rmse, double maxAbsError, double sqnrDb, double cosineSimilarity,
        double relativeFrobeniusError) {

    public static ErrorMetrics between(float[] original, float[] reconstructed) {
        if (original.length != reconstructed.length || original.length == 0) {
            throw new IllegalArgumentException("lengths differ or are zero: " + original.length + " vs " + reconstructed.length);
        }
        double signal = 0;
        double noise = 0;
        double dot = 0;
        double recon = 0;
        double maxAbs = 0;
        for (int i = 0; i < original.length; i++) {
            double x = original[i];
            double y = reconstructed[i];
            double e = x - y;
            signal += x * x;
            noise += e * e;
            dot += x * y;
            recon += y * y;
            maxAbs = Math.max(maxAbs, Math.abs(e));
        }
        double mse = noise / original.length;
        double sqnr = noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
        double cosine = signal == 0 || recon == 0 ? (signal == recon ? 1 : 0) : dot / Math.sqrt(signal * recon);
        double relative = signal == 0 ? (noise == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(noise / signal);
        return new ErrorMetrics(mse, Math.sqrt(mse), maxAbs, sqnr, cosine, relative);
    }
}
