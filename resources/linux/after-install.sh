#!/bin/sh
# HID POS and serial scanners are opened by the desk's user, not root: a udev rule gives the plugdev group the
# hidraw nodes of HID POS scanners (usage page 0x8C cannot be matched in udev, so this covers hidraw devices).
cat > /etc/udev/rules.d/70-scan-station.rules <<'RULES'
KERNEL=="hidraw*", SUBSYSTEM=="hidraw", MODE="0660", GROUP="plugdev"
RULES
udevadm control --reload-rules 2>/dev/null || true
