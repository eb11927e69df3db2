package org.opencdp.dmp.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceClassifierTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1|mobile",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36|mobile",
        "Mozilla/5.0 (Linux; Android 13; SM-T870) AppleWebKit/537.36 Chrome/119.0 Safari/537.36|tablet",
        "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148|tablet",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36|desktop",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.1 Safari/605.1.15|desktop",
        "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0|desktop",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)|bot",
        "curl/8.5.0|bot",
        "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 SamsungBrowser/4.0 TV Safari/537.36|tv",
        "Roku/DVP-9.10 (519.10E04111A)|tv",
        "Mozilla/5.0 (PlayStation 5 3.11) AppleWebKit/605.1.15|console",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; Xbox; Xbox One) AppleWebKit/537.36 Edge/44.18363.8131|console",
        "Mozilla/5.0 (Linux; Android 12; AFTMM) AppleWebKit/537.36 (KHTML, like Gecko) Silk/98 Safari/537.36|tv",
        "something else entirely|unknown",
    })
    void classifies(String userAgent, String expected) {
        assertEquals(expected, DeviceClassifier.classify(userAgent));
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '"})
    void blankIsUnknown(String userAgent) {
        assertEquals("unknown", DeviceClassifier.classify(userAgent));
        assertEquals("unknown", DeviceClassifier.classify(null));
    }
}
