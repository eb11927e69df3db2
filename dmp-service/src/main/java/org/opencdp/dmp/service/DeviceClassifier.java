package org.opencdp.dmp.service;

import java.util.Locale;

/**
 * A small user-agent classifier: the device class is all the DMP keeps of a user agent. Order matters: bots first,
 * then TVs and consoles (their agents often say "Mobile" or "Android"), tablets (iPad, Android without "Mobile"),
 * phones, then desktops. Anything else is "unknown". Deliberately coarse: no browser or OS versions are kept.
 */
public final class DeviceClassifier {
    public static final String BOT = "bot";
    public static final String TV = "tv";
    public static final String CONSOLE = "console";
    public static final String TABLET = "tablet";
    public static final String MOBILE = "mobile";
    public static final String DESKTOP = "desktop";
    public static final String UNKNOWN = "unknown";

    private static final String[] BOTS = {"bot", "crawler", "spider", "slurp", "crawling", "headlesschrome",
        "lighthouse", "curl/", "wget/", "python-requests", "python-urllib", "java/", "okhttp", "go-http-client",
        "apache-httpclient", "facebookexternalhit", "preview", "phantomjs"};
    private static final String[] TVS = {"smart-tv", "smarttv", "googletv", "appletv", "hbbtv", "netcast",
        "roku", "crkey", "bravia", "aftb", "aftt", "aftm", "tizen tv", "web0s", "webos tv", "viera"};
    private static final String[] CONSOLES = {"playstation", "xbox", "nintendo"};
    private static final String[] TABLETS = {"ipad", "tablet", "kindle", "silk/", "playbook", "sm-t", "nexus 7",
        "nexus 9", "nexus 10"};
    private static final String[] MOBILES = {"iphone", "ipod", "windows phone", "blackberry", "bb10", "opera mini",
        "iemobile", "mobile", "webos", "symbian"};
    private static final String[] DESKTOPS = {"windows nt", "macintosh", "mac os x", "x11", "linux x86_64",
        "cros", "ubuntu", "fedora"};

    private DeviceClassifier() {}

    public static String classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (any(ua, BOTS)) {
            return BOT;
        }
        if (any(ua, TVS)) {
            return TV;
        }
        if (any(ua, CONSOLES)) {
            return CONSOLE;
        }
        if (any(ua, TABLETS) || (ua.contains("android") && !ua.contains("mobile"))) {
            return TABLET;
        }
        if (any(ua, MOBILES) || ua.contains("android")) {
            return MOBILE;
        }
        if (any(ua, DESKTOPS)) {
            return DESKTOP;
        }
        return UNKNOWN;
    }

    private static boolean any(String ua, String[] needles) {
        for (String n : needles) {
            if (ua.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
