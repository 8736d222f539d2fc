package quiz

// ParseStringMap reads a YAML (or JSON) mapping of strings to strings,
// such as a CSV column map, reporting every problem with its position.
// check, when set, judges each entry; its error is reported at the value.
func ParseStringMap(file string, data []byte, check func(key, value string) error) (map[string]string, error) {
	d := &decoder{file: file}
	out := map[string]string{}
	if root := d.parse(data); root != nil {
		if f, ok := d.mapping(root, "mapping"); ok {
			for _, key := range f.keys {
				v, ok := d.str(f.get(key), "the value of "+key)
				if !ok {
					continue
				}
				if check != nil {
					if err := check(key, v); err != nil {
						d.errorf(f.get(key), "%v", err)
						continue
					}
				}
				out[key] = v
			}
		}
	}
	if errs := errorsOf(d.problems); len(errs) > 0 {
		sortProblems(errs)
		return nil, &FileError{File: file, Problems: errs}
	}
	return out, nil
}
