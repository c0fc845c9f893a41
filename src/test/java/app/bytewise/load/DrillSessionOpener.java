package app.bytewise.load;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens drill pages the way a browser tab does, over HTTP: the page (which starts the HTTP session),
 * Vaadin's init request (which creates the UI) and the navigation event the client then sends (which
 * builds the drill view). Each session is left open, so the server holds what a real tab costs it.
 * Usage: {@code DrillSessionOpener <base-url> <sessions>}; prints how many got a drill view.
 */
public final class DrillSessionOpener {

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");

    private DrillSessionOpener() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int sessions = Integer.parseInt(args[1]);
        int opened = 0;
        for (int i = 0; i < sessions; i++) {
            opened += open(base) ? 1 : 0;
        }
        System.out.println("drill sessions opened: " + opened + " of " + sessions);
        if (opened != sessions) {
            System.exit(1);
        }
    }

    private static boolean open(String base) throws Exception {
        HttpClient tab = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        tab.send(HttpRequest.newBuilder(URI.create(base + "/drill")).build(), HttpResponse.BodyHandlers.discarding());
        String init = tab.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=drill&query=")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher key = SECURITY_KEY.matcher(init);
        if (!key.find()) {
            return false;
        }
        String navigate = """
                {"csrfToken": "%s", "syncId": 0, "clientId": 0, "rpc": [{"type": "event", "node": 1,
                 "event": "ui-navigate", "data": {"route": "drill", "query": "", "appShellTitle": "",
                 "historyState": {"idx": 0}, "trigger": ""}}]}""".formatted(key.group(1));
        String changes = tab.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return changes.contains("bw-drill");
    }
}
