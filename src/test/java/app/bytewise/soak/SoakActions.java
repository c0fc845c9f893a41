package app.bytewise.soak;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests a soak run makes, each as a user would make it: a page opened as a browser tab does
 * (page, Vaadin's init, the navigation event), drill questions answered anonymously or with an
 * account's credentials, estimates, lab runs through the quantization API, and quiz attempts opened
 * and submitted. Each returns its HTTP status and whether the answer was what the user should see.
 */
final class SoakActions {

    /** What one action got: the worst HTTP status of its requests, and whether its check passed. */
    record Outcome(int status, boolean passed) {
    }

    static final List<String> PAGES = List.of("", "lessons", "lessons/kv-cache", "estimator", "drill", "examples",
            "lab");
    private static final List<String> PRESETS = List.of("llama-2-7b", "meta-llama-3-8b", "mixtral-8x7b-v0-1",
            "gemma-2-9b", "qwen2-72b", "phi-3-mini-4k-instruct", "llama-3-1-405b");
    private static final List<String> FORMATS = List.of("gguf:Q4_K", "gguf:Q8_0", "nf4", "int4", "fp8-e4m3");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern QUESTION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([a-z0-9-]+\\.[cn]\\.[0-9a-f]+)\"");

    private final String base;
    private final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SoakActions(String base) {
        this.base = base;
    }

    Outcome page(String route) throws Exception {
        HttpClient tab = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        int page = tab.send(get("/" + route).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        HttpResponse<String> init = tab.send(get("/?v-r=init&location=" + route + "&query=").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher key = SECURITY_KEY.matcher(init.body());
        if (!key.find()) {
            return new Outcome(Math.max(page, init.statusCode()), false);
        }
        String navigate = """
                {"csrfToken": "%s", "syncId": 0, "clientId": 0, "rpc": [{"type": "event", "node": 1,
                 "event": "ui-navigate", "data": {"route": "%s", "query": "", "appShellTitle": "",
                 "historyState": {"idx": 0}, "trigger": ""}}]}""".formatted(key.group(1), route);
        HttpResponse<String> changes = tab.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString());
        int worst = Math.max(page, Math.max(init.statusCode(), changes.statusCode()));
        // Vaadin reports a server-side exception inside a 200 answer, as appError.
        return new Outcome(worst, worst < 400 && !changes.body().contains("appError"));
    }

    Outcome question(Random random) throws Exception {
        HttpResponse<String> r = api.send(get("/api/v1/questions?seed=" + random.nextInt(1_000_000)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Outcome(r.statusCode(), r.statusCode() == 200 && QUESTION_ID.matcher(r.body()).find());
    }

    /** A drawn question answered with a typed number; with credentials the answer must be recorded. */
    Outcome answer(Random random, String credentials) throws Exception {
        HttpResponse<String> q = api.send(get("/api/v1/questions?kind=numeric&seed=" + random.nextInt(1_000_000))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = QUESTION_ID.matcher(q.body());
        if (q.statusCode() != 200 || !id.find()) {
            return new Outcome(q.statusCode(), false);
        }
        String body = "{\"answer\": \"" + (1 + random.nextInt(400)) + " GB\", \"timeTakenMs\": 12000}";
        HttpRequest.Builder post = post("/api/v1/questions/" + id.group(1) + "/answer", body);
        if (credentials != null) {
            post.header("Authorization", basic(credentials));
        }
        HttpResponse<String> a = api.send(post.build(), HttpResponse.BodyHandlers.ofString());
        boolean recorded = a.body().replace(" ", "").contains("\"recorded\":true");
        return new Outcome(a.statusCode(), a.statusCode() == 200 && recorded == (credentials != null));
    }

    Outcome estimate(Random random) throws Exception {
        String body = """
                {"model": {"preset": "%s"}, "mode": "inference", "weights": "%s", "kvCache": "fp16",
                 "contextLength": %d, "batchSize": %d, "gpu": "a100-80gb-sxm", "gpuCount": %d}"""
                .formatted(PRESETS.get(random.nextInt(PRESETS.size())), random.nextBoolean() ? "fp16" : "int4",
                        1024 << random.nextInt(5), 1 + random.nextInt(8), 1 << random.nextInt(3));
        HttpResponse<String> r = api.send(post("/api/v1/estimate", body).build(), HttpResponse.BodyHandlers.ofString());
        return new Outcome(r.statusCode(), r.statusCode() == 200);
    }

    /** A lab run: a small generated tensor through one format (the lab's quantizers, over the API). */
    Outcome labRun(Random random) throws Exception {
        String body = """
                {"format": "%s", "tensor": {"kind": "student_t", "rows": 64, "cols": 256, "seed": %d}}"""
                .formatted(FORMATS.get(random.nextInt(FORMATS.size())), random.nextInt(1000));
        HttpResponse<String> r = api.send(post("/api/v1/quantize", body).build(), HttpResponse.BodyHandlers.ofString());
        return new Outcome(r.statusCode(), r.statusCode() == 200 && r.body().contains("sqnrDb"));
    }

    /** Opens the next attempt of an assignment and submits an answer for each of its questions. */
    Outcome submission(String credentials, long assignment, Random random) throws Exception {
        HttpResponse<String> paper = api.send(post("/api/v1/assignments/" + assignment + "/paper", "")
                .header("Authorization", basic(credentials)).build(), HttpResponse.BodyHandlers.ofString());
        if (paper.statusCode() != 200) {
            return new Outcome(paper.statusCode(), false);
        }
        int questions = 0;
        for (Matcher m = QUESTION_ID.matcher(paper.body()); m.find(); ) {
            questions++;
        }
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            answers.add(random.nextBoolean() ? "\"A\"" : "\"" + (1 + random.nextInt(100)) + " GB\"");
        }
        HttpResponse<String> submitted = api.send(post("/api/v1/assignments/" + assignment + "/submissions",
                "{\"answers\": " + answers + "}").header("Authorization", basic(credentials)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Outcome(submitted.statusCode(), submitted.statusCode() == 201 && questions > 0);
    }

    /** The body of an authenticated GET, or a failure naming the status. */
    String read(String path, String credentials) throws Exception {
        HttpResponse<String> r = api.send(get(path).header("Authorization", basic(credentials)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
