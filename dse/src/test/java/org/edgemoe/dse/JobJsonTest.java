package org.edgemoe.dse;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobJsonTest {
    @Test
    void roundTripsFlatObjects() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "r16.p8x64 \"q\" \\ \n");
        m.put("rows", 16L);
        m.put("ms.task0", 12.345678901);
        m.put("whole", 3.0);
        m.put("nan", Double.NaN);
        m.put("ok", true);
        m.put("none", null);
        Map<String, Object> back = JobJson.parse(JobJson.write(m), "x.json");
        assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()));
        assertEquals(m.get("id"), back.get("id"));
        assertEquals(16L, back.get("rows"));
        assertEquals(12.345678901, (Double) back.get("ms.task0"), 1e-8);
        assertEquals(3.0, back.get("whole"));
        assertNull(back.get("nan"), "NaN is written as null");
        assertEquals(true, back.get("ok"));
        assertEquals(DesignPoint.defaults(), DesignPoint.fromMap(JobJson.parse(JobJson.write(DesignPoint.defaults().toMap()), "p.json")));
    }

    @Test
    void errorsNameTheFileLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobJson.parse("{\n  \"a\": 1,\n  \"b\" 2\n}", "job.json"));
        assertTrue(e.getMessage().startsWith("job.json:3:7: expected :"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JobJson.parse("{\"a\": [1]}", "j.json"));
        assertTrue(e.getMessage().contains("flat objects"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JobJson.parse("{\"a\": 1} x", "j.json"));
        assertTrue(e.getMessage().contains("trailing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DesignPoint.fromMap(JobJson.parse("{\"rows\": \"16\"}", "j.json")));
        assertTrue(e.getMessage().contains("\"rows\" must be a number"), e.getMessage());
    }
}
