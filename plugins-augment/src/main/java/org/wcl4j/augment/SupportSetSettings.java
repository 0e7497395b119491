package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code support-set}.
 *
 * @param views support views {@code S} per image, {@code >= 1}; default 2. FNCancel's original
 *     (Huynh et al., WACV 2022) uses 8; each support view goes through the network's forward pass
 *     with the global views, so a step with {@code S} support views encodes {@code 2 + S} views
 */
public record SupportSetSettings(int views) implements Settings {

    /** The default: 2 support views per image. */
    public static SupportSetSettings defaults() {
        return new SupportSetSettings(2);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (views < 1) {
            problems.add(
                    "views: expected at least 1 support view per image, found "
                            + views
                            + " (use two-views for none; FNCancel's original uses 8)");
        }
        return problems;
    }
}
