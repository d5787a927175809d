"""A unit filling the bureau's template in LibreOffice: open an .xlsx, type values into cells, save it as
.xlsx again (Calc Office Open XML). Run with Debian's /usr/bin/python3 (python3-uno):
    lo_fill.py IN.xlsx OUT.xlsx CELLS.json PROFILE_DIR
CELLS.json: steps in order: ["sheet", "B5", value] types a value (a number as a number, anything else as
text); {"insertRows": ["sheet", index, count]} and {"insertColumns": ["sheet", index, count]} insert
before the 0-based row or column, as Calc's Insert Rows / Columns Above / Before do."""
import json
import os
import signal
import subprocess
import sys
import time
import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(src, dst, cells_file, profile_dir):
    pipe = 'selfeval-fill-%d' % os.getpid()
    office = subprocess.Popen([
        'soffice', '--headless', '--invisible', '--norestore', '--nologo',
        '-env:UserInstallation=file://' + os.path.abspath(profile_dir),
        '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        context = None
        for _ in range(120):
            try:
                context = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if context is None:
            raise SystemExit('LibreOffice did not start')
        desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
        with open(cells_file, encoding='utf-8') as f:
            for step in json.load(f):
                if isinstance(step, dict):
                    (kind, (sheet, index, count)), = step.items()
                    sheets = doc.Sheets.getByName(sheet)
                    (sheets.Rows if kind == 'insertRows' else sheets.Columns).insertByIndex(index, count)
                    continue
                sheet, address, value = step
                cell = doc.Sheets.getByName(sheet).getCellRangeByName(address)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell.setValue(value)
                else:
                    cell.setString(str(value))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop('FilterName', 'Calc Office Open XML'),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # soffice is a wrapper: its soffice.bin child outlives it unless the whole group goes.
            os.killpg(office.pid, signal.SIGKILL)


if __name__ == '__main__':
    main(*sys.argv[1:5])
